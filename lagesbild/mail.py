"""E-mailing the meeting pack over SMTP, with the server and recipients from secrets.toml.

```toml
[lagesbild.smtp]
server = "smtp.example.se"
port = 587                      # default 587
starttls = true                 # default true; false only for a server on the same machine
anvandare = "lagesbild@example.se"   # optional: no login without it
losenord = "…"
avsandare = "lagesbild@example.se"   # default: anvandare
mottagare = ["styrgrupp@example.se"]
```
"""

from __future__ import annotations

import smtplib
import ssl
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from lagesbild.problems import Refusal

SECRETS = Path(".streamlit") / "secrets.toml"
TIMEOUT_SECONDS = 30


class MailError(Refusal, RuntimeError):
    """Sending failed or the settings are wrong, as the code of a text "mail.error.<kod>" (lagesbild.i18n) with
    parameters; the text says what to do.

    str() is the Swedish text; text(lang) the text in the reader's language.
    """

    prefix = "mail.error."


@dataclass(frozen=True)
class Settings:
    """How to reach the SMTP server and whom to send to."""

    server: str
    port: int
    starttls: bool
    avsandare: str
    mottagare: tuple[str, ...]
    anvandare: str | None = None
    losenord: str | None = field(default=None, repr=False)


def _text(section: Mapping, key: str, path: Path) -> str | None:
    value = section.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise MailError("not_text", path=str(path), name=key, value=repr(value))
    return value.strip()


def settings(secrets: Mapping, path: Path = SECRETS) -> Settings:
    """The [lagesbild.smtp] section checked key by key."""
    section = secrets.get("lagesbild", {}).get("smtp")
    if not isinstance(section, Mapping):
        raise MailError("no_section", path=str(path))
    server = _text(section, "server", path)
    if server is None:
        raise MailError("no_server", path=str(path))
    port = section.get("port", 587)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise MailError("bad_port", path=str(path), value=repr(port))
    starttls = section.get("starttls", True)
    if not isinstance(starttls, bool):
        raise MailError("bad_starttls", path=str(path), value=repr(starttls))
    recipients = section.get("mottagare")
    if isinstance(recipients, str):
        recipients = [recipients]
    if (
        not isinstance(recipients, list)
        or not recipients
        or not all(isinstance(r, str) and "@" in r for r in recipients)
    ):
        raise MailError("bad_recipients", path=str(path))
    user = _text(section, "anvandare", path)
    password = section.get("losenord")
    if user is not None and not isinstance(password, str):
        raise MailError("no_password", path=str(path), user=user)
    sender = _text(section, "avsandare", path) or user
    if sender is None:
        raise MailError("no_sender", path=str(path))
    return Settings(
        server,
        port,
        starttls,
        sender,
        tuple(r.strip() for r in recipients),
        user,
        password if user is not None else None,
    )


def read_settings(path: Path = SECRETS) -> Settings:
    """[lagesbild.smtp] of a secrets.toml file."""
    try:
        secrets = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise MailError("no_file", path=str(path)) from exc
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise MailError("not_toml", path=str(path), detail=str(exc)) from exc
    return settings(secrets, path)


def message(chosen: Settings, subject: str, body: str, attachment: bytes, filename: str) -> EmailMessage:
    """A plain-text message with one PDF attached."""
    mail = EmailMessage()
    mail["From"] = chosen.avsandare
    mail["To"] = ", ".join(chosen.mottagare)
    mail["Subject"] = subject
    mail.set_content(body)
    mail.add_attachment(attachment, maintype="application", subtype="pdf", filename=filename)
    return mail


def send(chosen: Settings, mail: EmailMessage) -> None:
    """Deliver the message to every recipient; MailError names the server and what went wrong."""
    where = f"{chosen.server}:{chosen.port}"
    try:
        with smtplib.SMTP(chosen.server, chosen.port, timeout=TIMEOUT_SECONDS) as smtp:
            if chosen.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if chosen.anvandare is not None:
                smtp.login(chosen.anvandare, chosen.losenord or "")
            refused = smtp.send_message(mail, from_addr=chosen.avsandare, to_addrs=list(chosen.mottagare))
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError("login", where=where, user=str(chosen.anvandare), code=exc.smtp_code) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError("no_starttls", where=where) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailError("all_refused", where=where, recipients=", ".join(sorted(exc.recipients))) from exc
    except smtplib.SMTPResponseException as exc:
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        raise MailError("server_error", where=where, code=exc.smtp_code, detail=text) from exc
    except (smtplib.SMTPException, ssl.SSLError) as exc:
        raise MailError("not_sent", where=where, detail=str(exc)) from exc
    except OSError as exc:
        raise MailError("no_connection", where=where, detail=str(exc.strerror or exc)) from exc
    if refused:
        raise MailError("some_refused", where=where, recipients=", ".join(sorted(refused)))

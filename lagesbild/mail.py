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

SECRETS = Path(".streamlit") / "secrets.toml"
SECTION = "[lagesbild.smtp]"
TIMEOUT_SECONDS = 30


class MailError(RuntimeError):
    """Sending failed or the settings are wrong; the message is Swedish and says what to do."""


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
        raise MailError(f"{path}: {SECTION} {key} ska vara en text, inte {value!r}")
    return value.strip()


def settings(secrets: Mapping, path: Path = SECRETS) -> Settings:
    """The [lagesbild.smtp] section checked key by key."""
    section = secrets.get("lagesbild", {}).get("smtp")
    if not isinstance(section, Mapping):
        raise MailError(f"{path}: avsnittet {SECTION} saknas – ange server, port och mottagare där")
    server = _text(section, "server", path)
    if server is None:
        raise MailError(f"{path}: {SECTION} server saknas – ange SMTP-serverns namn")
    port = section.get("port", 587)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise MailError(f"{path}: {SECTION} port ska vara ett portnummer 1–65535, inte {port!r}")
    starttls = section.get("starttls", True)
    if not isinstance(starttls, bool):
        raise MailError(f"{path}: {SECTION} starttls ska vara true eller false, inte {starttls!r}")
    recipients = section.get("mottagare")
    if isinstance(recipients, str):
        recipients = [recipients]
    if (
        not isinstance(recipients, list)
        or not recipients
        or not all(isinstance(r, str) and "@" in r for r in recipients)
    ):
        raise MailError(
            f'{path}: {SECTION} mottagare ska vara en lista med e-postadresser, t.ex. ["styrgrupp@example.se"]'
        )
    user = _text(section, "anvandare", path)
    password = section.get("losenord")
    if user is not None and not isinstance(password, str):
        raise MailError(f"{path}: {SECTION} losenord saknas för anvandare {user}")
    sender = _text(section, "avsandare", path) or user
    if sender is None:
        raise MailError(f"{path}: {SECTION} avsandare saknas – ange avsändarens e-postadress")
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
        raise MailError(f"{path} finns inte – SMTP-inställningarna ska stå under {SECTION} där") from exc
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise MailError(f"{path} kunde inte läsas som TOML: {exc}") from exc
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
        raise MailError(
            f"E-postservern {where} godtog inte inloggningen för {chosen.anvandare} "
            f"({exc.smtp_code}) – kontrollera anvandare och losenord"
        ) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError(
            f"E-postservern {where} erbjuder inte STARTTLS – sätt starttls = false bara om servern finns på samma dator"
        ) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailError(f"E-postservern {where} vägrade alla mottagare: {', '.join(sorted(exc.recipients))}") from exc
    except smtplib.SMTPResponseException as exc:
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        raise MailError(f"E-postservern {where} svarade med fel {exc.smtp_code}: {text}") from exc
    except (smtplib.SMTPException, ssl.SSLError) as exc:
        raise MailError(f"E-post kunde inte skickas via {where}: {exc}") from exc
    except OSError as exc:
        raise MailError(f"Kunde inte ansluta till e-postservern {where}: {exc.strerror or exc}") from exc
    if refused:
        raise MailError(
            f"E-postservern {where} vägrade mottagarna {', '.join(sorted(refused))}; övriga fick meddelandet"
        )

"""`python -m lagesbild skicka DIR` against a local SMTP server (aiosmtpd on 127.0.0.1) started by the test."""

from __future__ import annotations

import email
import smtplib
import socket
from email import policy
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from support import STRACKET

from lagesbild import cli, i18n, mail, report


class Inbox:
    """An SMTP handler that keeps every message, or refuses them with a code."""

    def __init__(self, refuse: str | None = None):
        self.received: list[tuple[str, list[str], Message]] = []
        self.refuse = refuse

    async def handle_DATA(self, server, session, envelope):  # the name aiosmtpd calls
        if self.refuse:
            return self.refuse
        received = email.message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), received))
        return "250 OK"


@pytest.fixture(scope="module", autouse=True)
def one_pack_per_module():
    """Every test here sends the same Stråket pack: build it once (the failures happen after it is built)."""
    built: dict[tuple, bytes] = {}
    original = report.meeting_pack

    def meeting_pack(project, *args):
        key = (project.folder, *args)
        if key not in built:
            built[key] = original(project, *args)
        return built[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report, "meeting_pack", meeting_pack)
        yield


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server():
    def start(handler: Inbox) -> int:
        port = _free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        started.append(controller)
        return port

    started: list[Controller] = []
    yield start
    for controller in started:
        controller.stop()


def _secrets(tmp_path: Path, port: int, starttls: bool = False) -> Path:
    path = tmp_path / "secrets.toml"
    path.write_text(
        f"""\
[lagesbild.smtp]
server = "127.0.0.1"
port = {port}
starttls = {str(starttls).lower()}
avsandare = "lagesbild@example.se"
mottagare = ["ordforande@example.se", "ledamot@example.se"]
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def delivered(tmp_path_factory):
    """The Stråket meeting pack sent once to a local server: (exit code, the message received)."""
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        code = cli.main(["skicka", str(STRACKET), "--secrets", str(_secrets(tmp_path_factory.mktemp("mail"), port))])
    finally:
        controller.stop()
    return code, inbox.received


def test_sending_the_pack_exits_0(delivered):
    assert delivered[0] == 0


def test_the_pack_goes_to_every_recipient_in_secrets(delivered):
    ((sender, recipients, _),) = delivered[1]
    assert (sender, recipients) == ("lagesbild@example.se", ["ordforande@example.se", "ledamot@example.se"])


def test_the_subject_names_the_project_and_the_next_meeting(delivered):
    # R = 2026-10-31: the next steering meeting in projekt.toml is 2026-12-10
    assert delivered[1][0][2]["Subject"] == "Mötesunderlag Stråket 2026-12-10"


def test_the_attachment_is_the_meeting_pack_pdf(delivered):
    parts = [p for p in delivered[1][0][2].walk() if p.get_content_disposition() == "attachment"]
    assert [(p.get_filename(), p.get_content_type(), p.get_payload(decode=True)[:5]) for p in parts] == [
        ("stracket-motesunderlag-2026-12-10.pdf", "application/pdf", b"%PDF-")
    ]


def test_a_server_that_is_not_there_gives_a_swedish_error_and_exit_1(tmp_path, capsys):
    code = cli.main(["skicka", str(STRACKET), "--secrets", str(_secrets(tmp_path, _free_port()))])
    assert (code, capsys.readouterr().err.startswith("Kunde inte ansluta till e-postservern 127.0.0.1:")) == (1, True)


def test_a_server_that_refuses_the_message_gives_its_code_in_swedish_and_exit_1(tmp_path, server, capsys):
    port = server(Inbox(refuse="554 Transaction failed"))
    code = cli.main(["skicka", str(STRACKET), "--secrets", str(_secrets(tmp_path, port))])
    assert (code, capsys.readouterr().err.strip()) == (
        1,
        f"E-postservern 127.0.0.1:{port} svarade med fel 554: Transaction failed",
    )


def test_starttls_against_a_server_without_it_is_a_clear_error(tmp_path, server, capsys):
    port = server(Inbox())
    code = cli.main(["skicka", str(STRACKET), "--secrets", str(_secrets(tmp_path, port, starttls=True))])
    assert (code, "erbjuder inte STARTTLS" in capsys.readouterr().err) == (1, True)


def test_missing_secrets_file_is_a_swedish_error_and_exit_1(tmp_path, capsys):
    code = cli.main(["skicka", str(STRACKET), "--secrets", str(tmp_path / "saknas.toml")])
    assert (code, capsys.readouterr().err.strip()) == (
        1,
        f"{tmp_path / 'saknas.toml'} finns inte – SMTP-inställningarna ska stå under [lagesbild.smtp] där",
    )


def test_recipients_that_are_no_addresses_are_refused_before_sending():
    with pytest.raises(mail.MailError, match="mottagare ska vara en lista med e-postadresser"):
        mail.settings(
            {
                "lagesbild": {
                    "smtp": {"server": "smtp.example.se", "avsandare": "a@example.se", "mottagare": ["styrgruppen"]}
                }
            }
        )


def test_a_port_that_is_no_number_is_refused():
    with pytest.raises(mail.MailError, match="port ska vara ett portnummer"):
        mail.settings(
            {
                "lagesbild": {
                    "smtp": {
                        "server": "smtp.example.se",
                        "port": "587",
                        "avsandare": "a@example.se",
                        "mottagare": ["b@example.se"],
                    }
                }
            }
        )


def test_a_user_without_password_is_refused():
    with pytest.raises(mail.MailError, match="losenord saknas"):
        mail.settings(
            {
                "lagesbild": {
                    "smtp": {"server": "smtp.example.se", "anvandare": "a@example.se", "mottagare": ["b@example.se"]}
                }
            }
        )


def test_starttls_and_port_587_are_the_defaults():
    chosen = mail.settings(
        {"lagesbild": {"smtp": {"server": "smtp.example.se", "avsandare": "a@example.se", "mottagare": "b@example.se"}}}
    )
    assert (chosen.port, chosen.starttls, chosen.mottagare) == (587, True, ("b@example.se",))


# Every error in both languages: the settings checked key by key, and each way sending can fail


SECTION = {"server": "smtp.example.se", "avsandare": "a@example.se", "mottagare": ["b@example.se"]}
SENDING = mail.Settings(
    "smtp.example.se", 587, True, "a@example.se", ("b@example.se", "c@example.se"), "a@example.se", "x"
)
WHERE = "smtp.example.se:587"
TOML_ERROR = "Invalid value (at line 2, column 10)"  # what tomllib says of `server = ` with nothing after it


def _settings(**changed) -> mail.Settings:
    section = {k: v for k, v in {**SECTION, **changed}.items() if v is not None}
    return mail.settings({"lagesbild": {"smtp": section}}, Path("s.toml"))


class FailingSMTP:
    """smtplib.SMTP that fails at one step: connecting, STARTTLS, login or sending; or refuses one recipient."""

    def __init__(self, step: str, error: Exception | dict):
        self.step, self.error = step, error

    def __call__(self, server, port, timeout):
        if self.step == "connect":
            raise self.error
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def _at(self, step: str):
        if self.step == step:
            raise self.error

    def starttls(self, context):
        self._at("starttls")

    def login(self, user, password):
        self._at("login")

    def send_message(self, message, from_addr, to_addrs):
        self._at("send")
        return self.error if self.step == "refused" else {}


def _sending(monkeypatch, step: str, error: Exception | dict) -> None:
    monkeypatch.setattr(mail.smtplib, "SMTP", FailingSMTP(step, error))
    mail.send(SENDING, mail.message(SENDING, "Ämne", "Text", b"%PDF-", "pack.pdf"))


def _unreadable_toml(tmp_path: Path) -> None:
    (tmp_path / "s.toml").write_text("[lagesbild.smtp]\nserver = \n", encoding="utf-8")
    mail.read_settings(tmp_path / "s.toml")


# kod → (what fails, given tmp_path and monkeypatch; the Swedish text; the English text). {tmp} is tmp_path.
ERRORS = {
    "not_text": (
        lambda tmp, mp: _settings(server=5),
        "s.toml: [lagesbild.smtp] server ska vara en text, inte 5",
        "s.toml: [lagesbild.smtp] server must be a text, not 5",
    ),
    "no_section": (
        lambda tmp, mp: mail.settings({"lagesbild": {}}, Path("s.toml")),
        "s.toml: avsnittet [lagesbild.smtp] saknas – ange server, port och mottagare där",
        "s.toml: the section [lagesbild.smtp] is missing – give the server, port and recipients there",
    ),
    "no_server": (
        lambda tmp, mp: _settings(server=None),
        "s.toml: [lagesbild.smtp] server saknas – ange SMTP-serverns namn",
        "s.toml: [lagesbild.smtp] server is missing – give the name of the SMTP server",
    ),
    "bad_port": (
        lambda tmp, mp: _settings(port="587"),
        "s.toml: [lagesbild.smtp] port ska vara ett portnummer 1–65535, inte '587'",
        "s.toml: [lagesbild.smtp] port must be a port number 1–65535, not '587'",
    ),
    "bad_starttls": (
        lambda tmp, mp: _settings(starttls="ja"),
        "s.toml: [lagesbild.smtp] starttls ska vara true eller false, inte 'ja'",
        "s.toml: [lagesbild.smtp] starttls must be true or false, not 'ja'",
    ),
    "bad_recipients": (
        lambda tmp, mp: _settings(mottagare=["styrgruppen"]),
        's.toml: [lagesbild.smtp] mottagare ska vara en lista med e-postadresser, t.ex. ["styrgrupp@example.se"]',
        's.toml: [lagesbild.smtp] mottagare must be a list of e-mail addresses, e.g. ["styrgrupp@example.se"]',
    ),
    "no_password": (
        lambda tmp, mp: _settings(anvandare="a@example.se"),
        "s.toml: [lagesbild.smtp] losenord saknas för anvandare a@example.se",
        "s.toml: [lagesbild.smtp] losenord is missing for anvandare a@example.se",
    ),
    "no_sender": (
        lambda tmp, mp: _settings(avsandare=None),
        "s.toml: [lagesbild.smtp] avsandare saknas – ange avsändarens e-postadress",
        "s.toml: [lagesbild.smtp] avsandare is missing – give the sender's e-mail address",
    ),
    "no_file": (
        lambda tmp, mp: mail.read_settings(tmp / "saknas.toml"),
        "{tmp}/saknas.toml finns inte – SMTP-inställningarna ska stå under [lagesbild.smtp] där",
        "{tmp}/saknas.toml does not exist – the SMTP settings belong under [lagesbild.smtp] there",
    ),
    "not_toml": (
        lambda tmp, mp: _unreadable_toml(tmp),
        f"{{tmp}}/s.toml kunde inte läsas som TOML: {TOML_ERROR}",
        f"{{tmp}}/s.toml could not be read as TOML: {TOML_ERROR}",
    ),
    "login": (
        lambda tmp, mp: _sending(mp, "login", smtplib.SMTPAuthenticationError(535, b"Bad credentials")),
        f"E-postservern {WHERE} godtog inte inloggningen för a@example.se (535) – kontrollera anvandare och losenord",
        f"The mail server {WHERE} did not accept the login of a@example.se (535) – check anvandare and losenord",
    ),
    "no_starttls": (
        lambda tmp, mp: _sending(mp, "starttls", smtplib.SMTPNotSupportedError("STARTTLS extension not supported")),
        f"E-postservern {WHERE} erbjuder inte STARTTLS – sätt starttls = false bara om servern finns på samma dator",
        f"The mail server {WHERE} does not offer STARTTLS – set starttls = false only if the server is on the same "
        "machine",
    ),
    "all_refused": (
        lambda tmp, mp: _sending(
            mp, "send", smtplib.SMTPRecipientsRefused({"c@example.se": (550, b"No"), "b@example.se": (550, b"No")})
        ),
        f"E-postservern {WHERE} vägrade alla mottagare: b@example.se, c@example.se",
        f"The mail server {WHERE} refused every recipient: b@example.se, c@example.se",
    ),
    "server_error": (
        lambda tmp, mp: _sending(mp, "send", smtplib.SMTPResponseException(554, b"Transaction failed")),
        f"E-postservern {WHERE} svarade med fel 554: Transaction failed",
        f"The mail server {WHERE} answered with error 554: Transaction failed",
    ),
    "not_sent": (
        lambda tmp, mp: _sending(mp, "send", smtplib.SMTPServerDisconnected("Connection unexpectedly closed")),
        f"E-post kunde inte skickas via {WHERE}: Connection unexpectedly closed",
        f"The e-mail could not be sent through {WHERE}: Connection unexpectedly closed",
    ),
    "no_connection": (
        lambda tmp, mp: _sending(mp, "connect", ConnectionRefusedError(111, "Connection refused")),
        f"Kunde inte ansluta till e-postservern {WHERE}: Connection refused",
        f"Could not connect to the mail server {WHERE}: Connection refused",
    ),
    "some_refused": (
        lambda tmp, mp: _sending(mp, "refused", {"c@example.se": (550, b"No such user")}),
        f"E-postservern {WHERE} vägrade mottagarna c@example.se; övriga fick meddelandet",
        f"The mail server {WHERE} refused the recipients c@example.se; the others got the message",
    ),
}


def _error(kod: str, tmp_path: Path, monkeypatch) -> mail.MailError:
    with pytest.raises(mail.MailError) as caught:
        ERRORS[kod][0](tmp_path, monkeypatch)
    return caught.value


@pytest.mark.parametrize("kod", ERRORS)
def test_each_mail_error_is_made_with_its_code(kod, tmp_path, monkeypatch):
    assert _error(kod, tmp_path, monkeypatch).kod == kod


@pytest.mark.parametrize("kod", ERRORS)
def test_each_mail_error_reads_in_swedish(kod, tmp_path, monkeypatch):
    assert _error(kod, tmp_path, monkeypatch).text("sv") == ERRORS[kod][1].format(tmp=tmp_path)


@pytest.mark.parametrize("kod", ERRORS)
def test_each_mail_error_reads_in_english(kod, tmp_path, monkeypatch):
    assert _error(kod, tmp_path, monkeypatch).text("en") == ERRORS[kod][2].format(tmp=tmp_path)


@pytest.mark.parametrize("kod", ERRORS)
def test_each_mail_error_is_swedish_as_a_plain_string(kod, tmp_path, monkeypatch):
    assert str(_error(kod, tmp_path, monkeypatch)) == ERRORS[kod][1].format(tmp=tmp_path)


def test_every_mail_error_text_is_tested():
    assert sorted(k.removeprefix("mail.error.") for k in i18n.TEXTS if k.startswith("mail.error.")) == sorted(ERRORS)


def test_a_missing_secrets_file_is_an_english_error_with_lang_en(tmp_path, capsys):
    code = cli.main(["skicka", str(STRACKET), "--secrets", str(tmp_path / "saknas.toml"), "--lang", "en"])
    assert (code, capsys.readouterr().err.strip()) == (
        1,
        f"{tmp_path / 'saknas.toml'} does not exist – the SMTP settings belong under [lagesbild.smtp] there",
    )


def test_a_server_that_is_not_there_is_an_english_error_with_lang_en(tmp_path, capsys):
    code = cli.main(["skicka", str(STRACKET), "--secrets", str(_secrets(tmp_path, _free_port())), "--lang", "en"])
    assert (code, capsys.readouterr().err.startswith("Could not connect to the mail server 127.0.0.1:")) == (1, True)

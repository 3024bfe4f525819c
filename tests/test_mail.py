"""`python -m lagesbild skicka DIR` against a local SMTP server (aiosmtpd on 127.0.0.1) started by the test."""

from __future__ import annotations

import email
import socket
from email import policy
from email.message import Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from support import STRACKET

from lagesbild import cli, mail, report


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

"""lagesbild.access and the editor-only functions that take an Access: roles, link keys, login claims.

Everything here runs without Streamlit; tests/test_app_roles.py drives the same rules through
the dashboard.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets as random
from pathlib import Path

import pytest
from support import tree_digests, write_project

from lagesbild import access, publishing, uploads
from lagesbild import project as projects
from lagesbild.access import EDITOR, REFERENCE, STEERING, AccessDenied

TODAY = dt.date(2026, 10, 31)
EDITOR_ACCESS = access.Access(EDITOR, "pl@example.se", "inloggning")
STEERING_ACCESS = access.Access(STEERING, "sg@example.se", "inloggning")
REFERENCE_ACCESS = access.Access(REFERENCE, "delad länk (Referensgruppen)", "lank", frozenset({"stracket"}))
EVERYONE = (EDITOR_ACCESS, STEERING_ACCESS, REFERENCE_ACCESS)
NOT_EDITORS = (STEERING_ACCESS, REFERENCE_ACCESS)


def new_token() -> str:
    return random.token_urlsafe(32)


def link(token: str, role: str = REFERENCE, **more) -> dict:
    return {"hash": access.token_hash(token), "roll": role, **more}


def links(*entries: dict) -> dict:
    return {"lagesbild": {"lankar": list(entries)}}


# --------------------------------------------------------------------------- capabilities


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (EDITOR, {access.LEDGER, access.QUALITY, access.UPLOAD, access.HISTORY, access.FREEZE}),
        (STEERING, {access.LEDGER, access.QUALITY}),
        (REFERENCE, set()),
    ],
)
def test_each_role_has_exactly_the_capabilities_of_the_issue(role, allowed):
    who = access.Access(role, "x", "inloggning")
    everything = {access.LEDGER, access.QUALITY, access.UPLOAD, access.HISTORY, access.FREEZE}
    assert {c for c in everything if who.can(c)} == allowed


@pytest.mark.parametrize("capability", [access.LEDGER, access.QUALITY, access.UPLOAD, access.HISTORY, access.FREEZE])
def test_require_refuses_the_reference_group_everything_beyond_aggregates(capability):
    with pytest.raises(AccessDenied):
        REFERENCE_ACCESS.require(capability)


def test_access_denied_is_a_permission_error():
    assert issubclass(AccessDenied, PermissionError)


def test_local_mode_makes_everyone_an_editor_of_every_project():
    assert access.LOCAL.role == EDITOR
    assert access.LOCAL.mode == "lokal"
    assert access.LOCAL.may_open("vilket-projekt-som-helst")


@pytest.mark.parametrize(
    ("page", "editor", "steering", "reference"),
    [
        ("oversikt", True, True, True),
        ("ekonomi", True, True, True),
        ("sedan", True, True, True),
        ("datakvalitet", True, True, False),
        ("uppdatera", True, False, False),
        ("historik", True, False, False),
    ],
)
def test_pages_each_role_may_see(page, editor, steering, reference):
    assert [who.may_see_page(page) for who in EVERYONE] == [editor, steering, reference]


def test_only_editor_and_steering_group_may_query_ledger_rows():
    assert [who.may_query("ledger_rows") for who in EVERYONE] == [True, True, False]


@pytest.mark.parametrize("name", ["project_totals", "financiers", "costs_by_month", "indicators"])
def test_every_role_may_query_aggregates(name):
    assert all(who.may_query(name) for who in EVERYONE)


@pytest.mark.parametrize(
    "name",
    [
        "./ledger_rows",
        "checks/../ledger_rows",
        "../queries/ledger_rows",
        "models/../ledger_rows",
        "ledger_rows/",
        "ledger_rows.sql",
        " ledger_rows",
        "ledger_rows\x00",
    ],
)
def test_another_spelling_of_ledger_rows_is_refused(name):
    # Each of these names reads queries/ledger_rows.sql (or tries to) under a name that is not "ledger_rows".
    assert not REFERENCE_ACCESS.may_query(name)


@pytest.mark.parametrize(
    "name",
    [
        "../../../../etc/passwd",
        "/etc/passwd",
        "..",
        "checks/repeated_ledger_rows",
        "models/bokforing",
        "read_csv_as_text",
        "",
        "macros/sv_date",
    ],
)
def test_paths_loader_queries_and_checks_are_no_query_for_any_role(name):
    assert not any(who.may_query(name) for who in EVERYONE)


# --------------------------------------------------------------------------- configuration


def test_no_secrets_is_local_mode():
    assert not access.configured({})


def test_auth_section_turns_local_mode_off():
    assert access.configured({"auth": {"client_id": "x"}})


def test_a_shared_link_turns_local_mode_off():
    assert access.configured(links(link(new_token())))


def test_an_empty_list_of_links_or_roles_alone_is_still_local_mode():
    assert not access.configured({"lagesbild": {"lankar": [], "roller": {"a@b.se": EDITOR}}})


# --------------------------------------------------------------------------- link keys


def test_token_hash_is_the_prefixed_sha256_and_does_not_contain_the_key():
    token = new_token()
    stored = access.token_hash(token)
    assert stored == "sha256:" + hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored


def test_a_valid_key_gives_its_role_project_and_name():
    token = new_token()
    granted = access.from_link(
        links(link(token, STEERING, projekt="stracket", namn="Styrgruppen", giltig_till=dt.date(2026, 12, 31))),
        token,
        TODAY,
    )
    assert granted is not None
    assert (granted.role, granted.mode, granted.projects) == (STEERING, "lank", frozenset({"stracket"}))
    assert "Styrgruppen" in granted.who


def test_the_access_a_key_gives_does_not_carry_the_key():
    token = new_token()
    granted = access.from_link(links(link(token, namn="Referensgruppen")), token, TODAY)
    assert token not in repr(granted)


def test_a_link_without_project_opens_every_project():
    token = new_token()
    granted = access.from_link(links(link(token)), token, TODAY)
    assert granted is not None and granted.projects is None and granted.may_open("bergslaget-2023")


def test_a_link_bound_to_one_project_opens_no_other():
    token = new_token()
    granted = access.from_link(links(link(token, projekt="stracket")), token, TODAY)
    assert granted is not None
    assert granted.may_open("stracket")
    assert not granted.may_open("bergslaget-2023")


@pytest.mark.parametrize("wrong", ["", "x", "nyckel", "sha256:", None])
def test_a_wrong_key_gives_nothing(wrong):
    token = new_token()
    assert access.from_link(links(link(token)), wrong, TODAY) is None


def test_a_key_differing_in_one_character_gives_nothing():
    token = new_token()
    changed = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert access.from_link(links(link(token)), changed, TODAY) is None


def test_the_stored_hash_itself_is_no_key():
    token = new_token()
    stored = access.token_hash(token)
    assert access.from_link(links(link(token)), stored, TODAY) is None
    assert access.from_link(links(link(token)), stored.removeprefix("sha256:"), TODAY) is None


def test_a_key_stored_in_clear_text_instead_of_its_hash_opens_nothing():
    token = new_token()
    assert access.from_link(links({"hash": token, "roll": REFERENCE}), token, TODAY) is None


def test_a_key_is_valid_through_its_last_day():
    token = new_token()
    assert access.from_link(links(link(token, giltig_till=TODAY)), token, TODAY) is not None


def test_an_expired_key_gives_nothing():
    token = new_token()
    assert access.from_link(links(link(token, giltig_till=TODAY - dt.timedelta(days=1))), token, TODAY) is None


@pytest.mark.parametrize("expiry", ["2026-10-30", dt.datetime(2026, 10, 30, 23, 59)])
def test_an_expiry_written_as_text_or_date_time_is_honoured(expiry):
    token = new_token()
    assert access.from_link(links(link(token, giltig_till=expiry)), token, TODAY) is None


@pytest.mark.parametrize("expiry", ["31/12/2026", "snart", "2026-13-01"])
def test_a_mistyped_expiry_closes_the_link_rather_than_opening_it_for_ever(expiry):
    token = new_token()
    assert access.from_link(links(link(token, giltig_till=expiry)), token, TODAY) is None


def test_rotating_a_key_invalidates_the_old_link_and_opens_the_new_one():
    old, new = new_token(), new_token()
    rotated = links(link(new, projekt="stracket", namn="Referensgruppen"))
    assert access.from_link(links(link(old, projekt="stracket")), old, TODAY) is not None
    assert access.from_link(rotated, old, TODAY) is None
    assert access.from_link(rotated, new, TODAY) is not None


@pytest.mark.parametrize("role", ["admin", "Redaktor", "", None])
def test_a_link_with_an_unknown_role_gives_nothing(role):
    token = new_token()
    assert access.from_link(links({"hash": access.token_hash(token), "roll": role}), token, TODAY) is None


def test_each_key_gives_its_own_link():
    editor_token, reference_token = new_token(), new_token()
    configured = links(link(editor_token, EDITOR), link(reference_token, REFERENCE, projekt="stracket"))
    assert access.from_link(configured, editor_token, TODAY).role == EDITOR
    assert access.from_link(configured, reference_token, TODAY).role == REFERENCE


def test_keys_are_compared_in_constant_time_against_every_configured_link(monkeypatch):
    compared = []
    real = access.hmac.compare_digest

    def spy(a, b):
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(access.hmac, "compare_digest", spy)
    first, second, third = new_token(), new_token(), new_token()
    access.from_link(links(link(first), link(second), link(third)), first, TODAY)
    # The first link matches, yet all three are compared: no early exit tells how far the search went.
    assert len(compared) == 3


# --------------------------------------------------------------------------- login


ROLLER = {
    "lagesbild": {
        "roller": {
            "Projektledare@Example.se": EDITOR,
            "ledamot@example.se": STEERING,
            "grupp:styrgruppen": STEERING,
            "grupp:referensgruppen": REFERENCE,
            "grupp:0b7f6a1e-1111-2222-3333-444455556666": EDITOR,
            "fel@example.se": "admin",
        }
    }
}


def login(**claims) -> dict:
    return {"is_logged_in": True, **claims}


def test_a_mapped_e_mail_gets_its_role_whatever_its_case():
    granted = access.from_login(ROLLER, login(email="projektledare@EXAMPLE.se"))
    assert (granted.role, granted.mode, granted.who) == (EDITOR, "inloggning", "projektledare@example.se")


def test_a_group_claim_gives_the_groups_role():
    assert access.from_login(ROLLER, login(email="ny@example.se", groups=["Referensgruppen"])).role == REFERENCE


def test_an_entra_group_object_id_can_be_mapped():
    granted = access.from_login(ROLLER, login(email="x@example.se", groups=["0B7F6A1E-1111-2222-3333-444455556666"]))
    assert granted.role == EDITOR


def test_a_single_group_sent_as_text_is_one_group():
    assert access.from_login(ROLLER, login(email="ny@example.se", groups="styrgruppen")).role == STEERING


def test_the_most_trusted_role_of_all_claims_wins():
    granted = access.from_login(ROLLER, login(email="ledamot@example.se", groups=["referensgruppen"]))
    assert granted.role == STEERING


@pytest.mark.parametrize(
    "claims",
    [
        {"email": "okand@example.se"},
        {"email": "okand@example.se", "groups": ["andra-gruppen"]},
        {"email": ""},
        {},
        {"name": "Projektledare@Example.se"},
        {"email": "fel@example.se"},  # mapped to a role that does not exist
        {"email": "grupp:styrgruppen"},  # an e-mail claim cannot pose as a group
    ],
)
def test_unknown_users_get_no_role(claims):
    assert access.from_login(ROLLER, login(**claims)) is None


def test_an_address_the_provider_calls_unverified_gives_no_role():
    assert access.from_login(ROLLER, login(email="ledamot@example.se", email_verified=False)) is None
    assert access.from_login(ROLLER, login(email="ledamot@example.se", email_verified=True)).role == STEERING


def test_no_roles_configured_denies_everyone():
    assert access.from_login({"auth": {}}, login(email="projektledare@example.se")) is None


def test_a_token_past_its_exp_claim_has_expired():
    now = dt.datetime(2026, 10, 31, 12, tzinfo=dt.UTC)
    assert access.token_expired({"exp": now.timestamp() - 1}, now)
    assert not access.token_expired({"exp": now.timestamp() + 3600}, now)
    assert not access.token_expired({"exp": str(int(now.timestamp()) + 3600)}, now)


def test_no_exp_claim_is_not_expired_but_a_broken_one_is():
    now = dt.datetime(2026, 10, 31, 12, tzinfo=dt.UTC)
    assert not access.token_expired({}, now)
    assert access.token_expired({"exp": "i morgon"}, now)


# --------------------------------------------------------------------------- editor-only functions


@pytest.fixture
def small(tmp_path) -> Path:
    return write_project(tmp_path)


NEW_UTFALL = """\
Datum;Konto;Kostnadsslag;Verifikation;Text;Belopp
2025-03-31;;Personal;V1;Lön mars;40000,00
2025-06-30;6550;;V2;Konsult juni;12500,50
2025-07-31;;Personal;V3;Lön juli;40000,00
""".encode()


@pytest.mark.parametrize("who", NOT_EDITORS, ids=lambda a: a.role)
def test_upload_preview_is_refused_to_others_than_the_editor(small, who):
    project = projects.load(small)
    before = tree_digests(small)
    with pytest.raises(AccessDenied):
        uploads.preview(small, project, [("utfall.csv", NEW_UTFALL)], who)
    assert tree_digests(small) == before


@pytest.mark.parametrize("who", NOT_EDITORS, ids=lambda a: a.role)
def test_accepting_an_upload_is_refused_to_others_than_the_editor(small, who):
    checked = uploads.preview(small, projects.load(small), [("utfall.csv", NEW_UTFALL)], EDITOR_ACCESS)
    assert checked.publishable
    before = tree_digests(small)
    with pytest.raises(AccessDenied):
        uploads.accept(small, checked, who)
    assert tree_digests(small) == before


@pytest.mark.parametrize("who", NOT_EDITORS, ids=lambda a: a.role)
def test_freezing_a_meeting_is_refused_to_others_than_the_editor(small, who):
    with pytest.raises(AccessDenied):
        publishing.freeze(small, dt.date(2025, 6, 1), who)
    assert publishing.frozen_meetings(small) == {}


@pytest.mark.parametrize("who", NOT_EDITORS, ids=lambda a: a.role)
def test_history_and_restore_are_refused_to_others_than_the_editor(small, who):
    checked = uploads.preview(small, projects.load(small), [("utfall.csv", NEW_UTFALL)], EDITOR_ACCESS)
    version = uploads.accept(small, checked, EDITOR_ACCESS)
    before = tree_digests(small)
    with pytest.raises(AccessDenied):
        publishing.history(small, who)
    with pytest.raises(AccessDenied):
        publishing.restore(small, version, who)
    assert tree_digests(small) == before


def test_the_editor_may_upload_freeze_and_restore(small):
    original = (small / "utfall.csv").read_bytes()
    checked = uploads.preview(small, projects.load(small), [("utfall.csv", NEW_UTFALL)], EDITOR_ACCESS)
    version = uploads.accept(small, checked, EDITOR_ACCESS)
    assert (small / "utfall.csv").read_bytes() == NEW_UTFALL
    assert version.manifest["vem"] == EDITOR_ACCESS.who
    assert publishing.freeze(small, dt.date(2025, 6, 1), EDITOR_ACCESS).is_dir()
    assert [v.id for v in publishing.history(small, EDITOR_ACCESS)] == [version.id]
    publishing.restore(small, version, EDITOR_ACCESS)
    assert (small / "utfall.csv").read_bytes() == original


# --------------------------------------------------------------------------- upload hardening


def test_only_the_listed_extensions_are_accepted():
    assert set(uploads.EXTENSIONS) == {".csv", ".xlsx", ".zip", ".toml", ".se", ".si", ".sie"}
    for name in ("utfall.exe", "utfall.html", "utfall.svg", "utfall.csv.php", "utfall"):
        files, problems = uploads.unpack(name, b"Datum;Belopp\n")
        assert files == [] and problems, name


def test_an_xlsx_that_is_not_one_is_refused_by_its_content():
    files, problems = uploads.unpack("utfall.xlsx", b"<html><script>alert(1)</script></html>")
    assert files == [] and problems


def test_an_upload_over_the_size_limit_is_refused():
    files, problems = uploads.unpack("utfall.csv", b"x" * (uploads.MAX_FILE_BYTES + 1))
    assert files == [] and problems


def test_streamlit_refuses_uploads_over_the_same_limit():
    import tomllib

    config = tomllib.loads((Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 2**20 == uploads.MAX_FILE_BYTES


def test_zip_members_with_paths_land_by_their_bare_name(small, tmp_path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../utanfor.csv", "Datum;Belopp\n")
        archive.writestr("/etc/cron.d/utfall.csv", NEW_UTFALL.decode())
        archive.writestr("mapp/.dold.csv", "x")
    files, problems = uploads.unpack("projekt.zip", buffer.getvalue())
    # ../ and a leading / name nothing outside the zip; a file two folders down is a copy and is refused by name.
    assert sorted(name for name, _ in files) == ["utanfor.csv"]
    assert [(p.fil, p.varde) for p in problems if p.is_error] == [("projekt.zip/utfall.csv", "etc/cron.d/utfall.csv")]
    checked = uploads.preview(small, projects.load(small), [("projekt.zip", buffer.getvalue())], EDITOR_ACCESS)
    assert all("/" not in name and not name.startswith(".") for name in checked.files)
    assert not (tmp_path.parent / "utanfor.csv").exists()


@pytest.mark.parametrize("name", ["../utfall.csv", "/etc/passwd", "..", ".lagesbild", "a/b.csv", "a\\b.csv", ""])
def test_publish_refuses_any_file_name_that_is_not_a_bare_name(small, name):
    with pytest.raises(publishing.PublishError):
        publishing.publish(small, {name: b"x"}, "test")

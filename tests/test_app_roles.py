"""Roles through the running dashboard (Streamlit AppTest): local mode, organisation login, shared links.

Login is simulated with AppTest.user (what st.user returns) and AppTest.secrets (what st.secrets
holds); a shared link is the query parameter "nyckel". Every test works on a copy of the example
data, so nothing it does (freezing a meeting, accepting an upload) touches data/.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import secrets as random
import shutil
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Dataframe
from support import DASHBOARD, REPO, nodes

from lagesbild import access, publishing, uploads
from lagesbild import project as projects
from lagesbild.access import EDITOR, REFERENCE, STEERING, AccessDenied

CONTEXT_KEY = "lagesbild_context"

# Pages every role sees, and those that need a capability (url path → roles that see it).
OPEN_PAGES = {"oversikt", "mal", "ekonomi", "aktiviteter", "paverkan", "motesplatser", "risker", "sedan"}
RESTRICTED_PAGES = {
    "datakvalitet": {EDITOR, STEERING},
    "uppdatera": {EDITOR},
    "historik": {EDITOR},
}

EDITOR_MAIL, STEERING_MAIL, REFERENCE_MAIL = "projektledare@example.se", "ledamot@example.se", "ref@example.se"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "inte-hemlig-i-test",
    "client_id": "lagesbild-test",
    "client_secret": "inte-hemlig-i-test",
    "server_metadata_url": "https://login.example.se/.well-known/openid-configuration",
}
LOGIN_SECRETS = {
    "auth": AUTH,
    "lagesbild": {"roller": {EDITOR_MAIL: EDITOR, STEERING_MAIL: STEERING, "grupp:referensgruppen": REFERENCE}},
}
USERS = {
    EDITOR: {"is_logged_in": True, "email": EDITOR_MAIL, "name": "Projektledaren"},
    STEERING: {"is_logged_in": True, "email": STEERING_MAIL, "name": "Ledamoten"},
    REFERENCE: {"is_logged_in": True, "email": REFERENCE_MAIL, "name": "Referensen", "groups": ["Referensgruppen"]},
}
TODAY = dt.date.today()


def token() -> str:
    return random.token_urlsafe(32)


def link_secrets(*links: dict, auth: bool = False) -> dict:
    secrets: dict = {"lagesbild": {"lankar": list(links)}}
    if auth:
        secrets["auth"] = AUTH
        secrets["lagesbild"]["roller"] = LOGIN_SECRETS["lagesbild"]["roller"]
    return secrets


def link(key: str, role: str = REFERENCE, **more) -> dict:
    return {"hash": access.token_hash(key), "roll": role, "namn": "Testlänk", **more}


# --------------------------------------------------------------------------- fixtures


def copy_data(target: Path) -> Path:
    """The example data folder (both projects, frozen meetings included) without local state."""
    shutil.copytree(
        REPO / "data", target, ignore=shutil.ignore_patterns("historik", "lock", "publicering.json", "portfolj.json")
    )
    return target


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Iterator[Path]:
    """A copy of data/ that the whole module reads, served as LAGESBILD_DATA."""
    folder = copy_data(tmp_path_factory.mktemp("roller") / "data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(folder))
        yield folder


def session(
    secrets: dict | None = None, user: dict | None = None, query: dict | None = None, page: str | None = None
) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=90)
    if secrets:
        at.secrets = secrets
    if user is not None:
        at.user = user
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(f"pages/{page}.py").run()
    return at


@pytest.fixture(scope="module")
def logged_in(data) -> dict[str, AppTest]:
    """One logged-in session per role, on Översikt; tests only read them."""
    return {role: session(LOGIN_SECRETS, USERS[role]) for role in USERS}


def visible_pages(at: AppTest) -> set[str]:
    """The url paths st.navigation offered in the last run ("" is the default page, Översikt)."""
    return {
        str(info.get("url_pathname") or "oversikt") for info in at._registered_pages.values() if info.get("script_path")
    }


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        if value[:1] in "{[":
            with contextlib.suppress(ValueError):
                yield from _strings(json.loads(value))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def shown(at: AppTest) -> list[str]:
    """Every string the last run sent to the browser: labels, texts, chart specs and table cells."""
    found: list[str] = []
    for node in nodes(at._tree):
        if isinstance(node, Dataframe):
            frame: pd.DataFrame = node.value
            found += [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel()]
        elif getattr(node, "proto", None) is not None:
            found += list(_strings(MessageToDict(node.proto)))
    return found


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def has_data(at: AppTest) -> bool:
    """Whether the run showed any figure or table of a project."""
    return bool(at.metric) or bool(at.dataframe) or any(n.type == "plotly_chart" for n in nodes(at._tree))


# --------------------------------------------------------------------------- configuration


def test_production_config_is_localhost_xsrf_no_error_details_and_upload_limit():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] in ("127.0.0.1", "localhost")
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] <= 50
    assert config["client"]["showErrorDetails"] in ("none", False)
    assert config["browser"]["gatherUsageStats"] is False


def test_no_secrets_file_is_committed():
    assert (
        not (REPO / ".streamlit" / "secrets.toml").exists()
        or ".streamlit/secrets.toml" in (REPO / ".gitignore").read_text()
    )


# --------------------------------------------------------------------------- local mode


@pytest.fixture(scope="module")
def local(data) -> AppTest:
    return session()


def test_local_mode_makes_everyone_editor_with_every_page(local):
    pages = visible_pages(local)
    assert OPEN_PAGES | set(RESTRICTED_PAGES) <= pages
    assert local.session_state[CONTEXT_KEY].access == access.LOCAL


def test_local_mode_says_the_app_is_open(local):
    assert any("Lokalt läge" in i.value for i in local.sidebar.info)


def test_local_mode_asks_nobody_to_log_in(local):
    assert not local.button and titles(local) == ["Översikt"]


# --------------------------------------------------------------------------- organisation login


def test_someone_not_logged_in_gets_a_login_button_and_nothing_else(data):
    at = session(LOGIN_SECRETS, {"is_logged_in": False})
    assert any("inloggning" in i.value for i in at.info)
    assert [b.label for b in at.button] == ["Logga in med organisationskonto"]
    assert not has_data(at) and visible_pages(at) == set()


def test_an_unknown_user_is_denied_with_a_logout_button(data):
    at = session(LOGIN_SECRETS, {"is_logged_in": True, "email": "okand@example.se", "groups": ["andra"]})
    assert any("ingen roll" in e.value for e in at.error)
    assert [b.label for b in at.button] == ["Logga ut"]
    assert not has_data(at) and visible_pages(at) == set()


@pytest.mark.parametrize("role", [EDITOR, STEERING, REFERENCE])
def test_each_role_sees_exactly_its_pages(logged_in, role):
    at = logged_in[role]
    assert not at.exception
    pages = visible_pages(at)
    assert pages >= OPEN_PAGES
    assert {p for p in RESTRICTED_PAGES if p in pages} == {p for p, roles in RESTRICTED_PAGES.items() if role in roles}


@pytest.mark.parametrize("role", [EDITOR, STEERING, REFERENCE])
def test_the_sidebar_names_the_role_and_offers_logout(logged_in, role):
    at = logged_in[role]
    assert any(c.value.startswith("Roll: ") for c in at.sidebar.caption)
    assert "Logga ut" in [b.label for b in at.sidebar.button]
    assert at.session_state[CONTEXT_KEY].access.role == role


@pytest.mark.parametrize(
    ("role", "page"),
    [(r, p) for p, roles in RESTRICTED_PAGES.items() for r in (EDITOR, STEERING, REFERENCE) if r not in roles],
)
def test_a_page_outside_the_role_cannot_be_opened(data, role, page):
    at = session(LOGIN_SECRETS, USERS[role])
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(f"pages/{page}.py")


@pytest.mark.parametrize(
    ("role", "page", "title"),
    [
        (EDITOR, "uppdatera", "Uppdatera data"),
        (EDITOR, "historik", "Historik"),
        (EDITOR, "datakvalitet", "Datakvalitet"),
        (STEERING, "datakvalitet", "Datakvalitet"),
    ],
)
def test_a_page_inside_the_role_opens(data, role, page, title):
    at = session(LOGIN_SECRETS, USERS[role], page=page)
    assert not at.exception
    assert titles(at)[0].startswith(title)


def test_the_reference_group_gets_no_ledger_switch(data):
    at = session(LOGIN_SECRETS, USERS[REFERENCE], page="ekonomi")
    assert not at.exception and titles(at) == ["Ekonomi"]
    assert not at.toggle


def test_the_steering_group_can_open_the_ledger(data, ledger_texts):
    at = session(LOGIN_SECRETS, USERS[STEERING], page="ekonomi")
    at.toggle(key="ekonomi_ledger_open").set_value(True).run()
    ledger = [d.value for d in at.dataframe if "Verifikation" in d.value.columns]
    assert ledger and len(ledger[0]) > 10 and "Text" in ledger[0].columns
    # The same check that finds nothing for the reference group finds the rows here.
    assert ledger_texts & set(shown(at))


@pytest.fixture(scope="module")
def ledger_texts(data) -> set[str]:
    """Transaction texts and voucher numbers of the example project: what the reference group must not see."""
    rows = projects.load(data / "stracket").rows("utfall")
    return {str(t) for t in rows.text.dropna()} | {str(v) for v in rows.verifikation.dropna()}


@pytest.mark.parametrize("page", sorted(OPEN_PAGES))
def test_no_page_shows_the_reference_group_a_ledger_row(data, ledger_texts, page):
    at = session(LOGIN_SECRETS, USERS[REFERENCE], page=None if page == "oversikt" else page)
    assert not at.exception
    leaked = {s for s in shown(at) for t in ledger_texts if t in s}
    assert not leaked


def test_a_reference_sessions_call_for_ledger_rows_raises(logged_in):
    ctx = logged_in[REFERENCE].session_state[CONTEXT_KEY]
    with pytest.raises(AccessDenied):
        ctx.frame("ledger_rows")


@pytest.mark.parametrize(
    "name", ["./ledger_rows", "checks/../ledger_rows", "../queries/ledger_rows", "checks/repeated_ledger_rows"]
)
def test_a_reference_session_cannot_reach_ledger_rows_by_another_name(logged_in, name):
    ctx = logged_in[REFERENCE].session_state[CONTEXT_KEY]
    with pytest.raises(AccessDenied):
        ctx.frame(name)


def test_a_reference_session_gets_no_validation_report(logged_in):
    # Problems quote cell values, ledger texts among them.
    with pytest.raises(AccessDenied):
        logged_in[REFERENCE].session_state[CONTEXT_KEY].problems()


def test_the_steering_group_gets_ledger_rows_and_the_validation_report(logged_in):
    ctx = logged_in[STEERING].session_state[CONTEXT_KEY]
    assert len(ctx.frame("ledger_rows", sida=1, per_sida=100)) > 10
    assert isinstance(ctx.problems(), list)


@pytest.mark.parametrize("role", [STEERING, REFERENCE])
def test_editor_only_actions_are_refused_with_the_sessions_own_access(logged_in, role):
    ctx = logged_in[role].session_state[CONTEXT_KEY]
    folder = Path(ctx.folder)
    with pytest.raises(AccessDenied):
        uploads.preview(folder, ctx.project, [("utfall.csv", (folder / "utfall.csv").read_bytes())], ctx.access)
    with pytest.raises(AccessDenied):
        uploads.accept(folder, uploads.Preview(files={"utfall.csv": b""}), ctx.access)
    with pytest.raises(AccessDenied):
        publishing.freeze(folder, dt.date(2026, 12, 10), ctx.access)
    with pytest.raises(AccessDenied):
        publishing.history(folder, ctx.access)
    assert dt.date(2026, 12, 10) not in publishing.frozen_meetings(folder)


def test_the_editor_uploads_and_freezes_through_the_page(tmp_path, monkeypatch):
    folder = copy_data(tmp_path / "data")
    monkeypatch.setenv("LAGESBILD_DATA", str(folder))
    at = session(LOGIN_SECRETS, USERS[EDITOR], page="uppdatera")
    uploader = at.file_uploader(key="uppdatera_files")
    assert sorted(uploader.allowed_type) == [".csv", ".se", ".si", ".sie", ".toml", ".xlsx", ".zip"]
    # A path in the uploaded name decides nothing: the file is recognised as utfall.csv by its stem.
    new = (folder / "stracket" / "utfall.csv").read_bytes() + b"2026-10-30;7010;V2026-9999;Test;100,00\r\n"
    uploader.upload("../../../utfall.csv", new, "text/csv").run()
    assert not at.exception
    at.button(key="uppdatera_accept").click().run()
    assert (folder / "stracket" / "utfall.csv").read_bytes() == new
    assert not (tmp_path / "utfall.csv").exists() and not (folder / "utfall.csv").exists()
    at.checkbox(key="uppdatera_freeze_confirm_2026-12-10").check().run()  # the next meeting in projekt.toml
    at.button(key="uppdatera_freeze").click().run()
    assert publishing.frozen_meetings(folder / "stracket")
    assert any(
        v.manifest["vem"] == EDITOR_MAIL
        for v in publishing.history(folder / "stracket", access.Access(EDITOR, "t", "lokal"))
    )


def test_logout_ends_the_session(data):
    at = session(LOGIN_SECRETS, dict(USERS[STEERING]))
    at.sidebar.button[[b.label for b in at.sidebar.button].index("Logga ut")].click().run()
    assert at.user.get("is_logged_in") is False
    at.run()
    assert not has_data(at) and visible_pages(at) == set()


def expired(role: str) -> dict:
    return {**USERS[role], "exp": time.time() - 60}


def test_an_expired_token_shows_nothing_in_the_run_that_ends_it(data):
    at = session(LOGIN_SECRETS, expired(EDITOR))
    assert not has_data(at)
    assert visible_pages(at) == set()


def test_an_expired_token_is_logged_out(data):
    at = session(LOGIN_SECRETS, expired(EDITOR))
    assert at.user.get("is_logged_in") is False
    at.run()
    assert not has_data(at) and visible_pages(at) == set()
    assert any("inloggning" in i.value for i in at.info)


# --------------------------------------------------------------------------- shared links


def test_a_valid_link_gives_its_role_and_leaves_the_address_bar(data):
    key = token()
    at = session(link_secrets(link(key, projekt="stracket")), query={"nyckel": key})
    assert not at.exception
    assert access.LINK_PARAM not in at.query_params
    assert at.session_state[CONTEXT_KEY].access.role == REFERENCE
    assert visible_pages(at) >= OPEN_PAGES and not visible_pages(at) & set(RESTRICTED_PAGES)
    assert any("referensgrupp" in c.value for c in at.sidebar.caption)
    assert not at.sidebar.button  # nothing to log out of
    assert titles(at) == ["Översikt"] and has_data(at)


def test_a_link_session_keeps_its_role_on_later_runs_and_pages(data):
    key = token()
    at = session(link_secrets(link(key, STEERING)), query={"nyckel": key})
    at.run()
    at.switch_page("pages/datakvalitet.py").run()
    assert not at.exception and titles(at) == ["Datakvalitet"]
    assert access.LINK_PARAM not in at.query_params


@pytest.mark.parametrize("case", ["wrong", "expired", "rotated", "empty"])
def test_a_bad_link_opens_nothing(data, case):
    good, old = token(), token()
    configured = {
        "wrong": link(good),
        "expired": link(good, giltig_till=TODAY - dt.timedelta(days=1)),
        "rotated": link(good),  # old's hash was replaced by good's
        "empty": link(good),
    }[case]
    offered = {"wrong": good[:-2] + "xx", "expired": good, "rotated": old, "empty": ""}[case]
    at = session(link_secrets(configured), query={"nyckel": offered})
    assert any("ogiltig eller har gått ut" in e.value for e in at.error)
    assert not has_data(at) and visible_pages(at) == set()
    assert access.LINK_PARAM not in at.query_params


def test_the_rotated_key_works(data):
    new = token()
    at = session(link_secrets(link(new)), query={"nyckel": new})
    assert has_data(at) and at.session_state[CONTEXT_KEY].access.role == REFERENCE


def test_rotating_a_link_ends_a_session_already_open_with_the_old_key(data):
    old = token()
    at = session(link_secrets(link(old)), query={"nyckel": old})
    at.secrets = link_secrets(link(token()))
    at.run()
    assert not has_data(at)


def test_a_link_valid_through_today_opens(data):
    key = token()
    at = session(link_secrets(link(key, giltig_till=TODAY)), query={"nyckel": key})
    assert has_data(at)


def test_a_bad_link_ends_a_session_a_good_link_opened(data):
    key = token()
    at = session(link_secrets(link(key)), query={"nyckel": key})
    at.query_params["nyckel"] = "fel"
    at.run()
    assert not has_data(at) and visible_pages(at) == set()
    at.run()
    assert not has_data(at) and visible_pages(at) == set()


def test_links_configured_but_none_given_asks_for_one(data):
    at = session(link_secrets(link(token())))
    assert any("delad länk" in i.value for i in at.info)
    assert not has_data(at) and not at.button


def test_a_link_works_without_login_where_login_is_configured_too(data):
    key = token()
    at = session(link_secrets(link(key, STEERING), auth=True), user={"is_logged_in": False}, query={"nyckel": key})
    assert has_data(at) and at.session_state[CONTEXT_KEY].access.role == STEERING


def project_names(data: Path) -> dict[str, tuple[str, str]]:
    names = {}
    for project_id in ("stracket", "bergslaget-2023"):
        meta = tomllib.loads((data / project_id / "projekt.toml").read_text(encoding="utf-8"))
        names[project_id] = (meta["namn"], meta["kortnamn"])
    return names


@pytest.mark.parametrize(("bound", "other"), [("stracket", "bergslaget-2023"), ("bergslaget-2023", "stracket")])
def test_a_link_bound_to_one_project_never_shows_the_other(data, bound, other):
    key = token()
    at = session(link_secrets(link(key, projekt=bound)), query={"nyckel": key, "projekt": other})
    assert not at.exception
    assert at.session_state[CONTEXT_KEY].project.id == bound
    assert not at.sidebar.selectbox  # no project picker with a single project
    assert "portfolj" not in visible_pages(at)
    everything = "\n".join(shown(at))
    other_name, other_short = project_names(data)[other]
    assert other_name not in everything and other_short not in everything
    assert project_names(data)[bound][0] in everything


def test_a_link_without_project_offers_every_project(data):
    key = token()
    at = session(link_secrets(link(key)), query={"nyckel": key})
    picker = at.sidebar.selectbox(key="projekt")
    assert len(picker.options) == 2


def test_a_link_to_a_project_that_does_not_exist_shows_no_project(data):
    key = token()
    at = session(link_secrets(link(key, projekt="../stracket")), query={"nyckel": key})
    assert not has_data(at)
    assert "stracket" not in {p for p in visible_pages(at)}


def test_the_link_key_is_never_logged_kept_or_shown(data, caplog, capsys):
    key = token()
    with caplog.at_level(logging.DEBUG):
        at = session(link_secrets(link(key, projekt="stracket")), query={"nyckel": key})
        at.switch_page("pages/ekonomi.py").run()
    captured = capsys.readouterr()
    assert key not in caplog.text and key not in captured.out and key not in captured.err
    assert not any(key in s for s in shown(at))
    assert key not in repr(at.query_params)
    state = at.session_state
    assert not any(key in repr(state[k]) for k in state)


# --------------------------------------------------------------------------- reloads: the signed ticket


NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


def ticket_of(at: AppTest) -> str:
    value = at.query_params[access.TICKET_PARAM]
    return value if isinstance(value, str) else value[0]


def test_a_ticket_gives_the_role_of_its_link():
    key = token()
    secrets = link_secrets(link(key, STEERING))
    granted = access.from_link(secrets, key, NOW.date())
    assert access.from_ticket(secrets, access.ticket(granted, NOW), NOW).role == STEERING


def test_a_ticket_expires_after_its_hours():
    key = token()
    secrets = link_secrets(link(key))
    made = access.ticket(access.from_link(secrets, key, NOW.date()), NOW)
    later = NOW + dt.timedelta(hours=access.TICKET_HOURS, seconds=1)
    assert access.from_ticket(secrets, made, later) is None


def test_a_ticket_with_a_later_expiry_written_in_is_refused():
    key = token()
    secrets = link_secrets(link(key))
    link_id, until, signature = access.ticket(access.from_link(secrets, key, NOW.date()), NOW).split(".")
    assert access.from_ticket(secrets, f"{link_id}.{int(until) + 86400}.{signature}", NOW) is None


def test_a_ticket_ends_when_its_link_is_rotated():
    old, new = token(), token()
    made = access.ticket(access.from_link(link_secrets(link(old)), old, NOW.date()), NOW)
    assert access.from_ticket(link_secrets(link(new)), made, NOW) is None


def test_a_ticket_does_not_reveal_the_hash_of_its_key():
    key = token()
    made = access.ticket(access.from_link(link_secrets(link(key)), key, NOW.date()), NOW)
    assert access.token_hash(key).removeprefix("sha256:")[:24] not in made


def test_the_key_is_exchanged_for_a_ticket_in_the_address_bar(data):
    key = token()
    at = session(link_secrets(link(key)), query={"nyckel": key})
    assert (access.LINK_PARAM in at.query_params, access.TICKET_PARAM in at.query_params) == (False, True)


def test_a_reload_with_the_ticket_keeps_the_role(data):
    key = token()
    secrets = link_secrets(link(key, STEERING))
    first = session(secrets, query={"nyckel": key})
    reloaded = session(secrets, query={access.TICKET_PARAM: ticket_of(first)})
    assert (reloaded.session_state[CONTEXT_KEY].access.role, titles(reloaded)) == (STEERING, ["Översikt"])


def test_a_forged_ticket_opens_nothing(data):
    at = session(link_secrets(link(token())), query={access.TICKET_PARAM: "abc.99999999999.def"})
    assert not has_data(at) and [e.value for e in at.error] == [
        "Länken har gått ut för den här webbläsaren. Öppna den delade länken igen."
    ]

"""Who may see what: roles from organisation login or shared links, checked in one place.

Without any configuration Lägesbild runs in local mode and everyone is redaktör. With
`[auth]` in secrets.toml users log in through OIDC and get their role from `[lagesbild.roller]`;
with `[[lagesbild.lankar]]` a shared link carries a random key whose SHA-256 is configured.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from lagesbild.problems import Refusal

EDITOR, STEERING, REFERENCE = "redaktor", "styrgrupp", "referensgrupp"
ROLES = (EDITOR, STEERING, REFERENCE)

# What each role may do beyond reading aggregates.
LEDGER, QUALITY, UPLOAD, HISTORY, FREEZE = "huvudbok", "datakvalitet", "uppladdning", "historik", "frysa"
STAFF = "personal"  # a person's salary and hours
CAPABILITIES = {
    EDITOR: frozenset({LEDGER, QUALITY, UPLOAD, HISTORY, FREEZE, STAFF}),
    STEERING: frozenset({LEDGER, QUALITY, STAFF}),
    REFERENCE: frozenset(),
}
# Queries that return single rows of the ledger need LEDGER; a person's salary and hours need STAFF.
QUERY_CAPABILITY = {"ledger_rows": LEDGER, "staff_costs": STAFF, "staff_hours": STAFF, "staff_vs_ledger": STAFF}
# What a page may ask for: a plain name of a file directly in queries/. Anything else ("./ledger_rows",
# "checks/../ledger_rows", "../queries/ledger_rows", the load-time "models/…" and "checks/…") would read
# a file under another name and so slip past QUERY_CAPABILITY; no page needs it.
_QUERY_NAME = re.compile(r"[a-z][a-z0-9_]*")
# Used while a project loads (it reads files); never by a page.
LOADER_QUERIES = frozenset({"read_csv_as_text"})
# Pages (by url path) and the capability they need; pages not listed are open to every role.
PAGE_CAPABILITY = {"datakvalitet": QUALITY, "uppdatera": UPLOAD, "historik": HISTORY}
LINK_PARAM = "nyckel"
TICKET_PARAM = "biljett"  # what the address bar holds after the key is exchanged, so a reload keeps the role
TICKET_HOURS = 12
GROUP_PREFIX = "grupp:"  # [lagesbild.roller] keys for group claims; every other key is an e-mail address


class AccessDenied(Refusal, PermissionError):
    """The current user may not do this: the code of the refusal, "refusal.<kod>", with role and what was asked."""


@dataclass(frozen=True)
class Access:
    """The current session's role, who it is, and which projects it may open (None: all)."""

    role: str
    who: str
    mode: str  # "lokal", "inloggning" or "lank"
    projects: frozenset[str] | None = None
    link_hash: str | None = field(default=None, repr=False)  # to check the link again on every run

    def can(self, capability: str) -> bool:
        return capability in CAPABILITIES[self.role]

    def require(self, capability: str) -> None:
        if not self.can(capability):
            raise AccessDenied("role", role=self.role, capability=capability)

    def may_open(self, project_id: str) -> bool:
        return self.projects is None or project_id in self.projects

    def may_query(self, name: str) -> bool:
        if not isinstance(name, str) or not _QUERY_NAME.fullmatch(name) or name in LOADER_QUERIES:
            return False
        needed = QUERY_CAPABILITY.get(name)
        return needed is None or self.can(needed)

    def may_see_page(self, url_path: str) -> bool:
        needed = PAGE_CAPABILITY.get(url_path)
        return needed is None or self.can(needed)


LOCAL = Access(EDITOR, "lokal användare", "lokal")


def token_hash(token: str) -> str:
    """How a link key is stored in secrets.toml: its SHA-256, never the key itself."""
    return "sha256:" + hashlib.sha256(token.encode()).hexdigest()


def configured(secrets: Mapping) -> bool:
    """True when login or shared links are set up; otherwise the app runs in local mode."""
    section = secrets.get("lagesbild", {})
    return "auth" in secrets or bool(section.get("lankar"))


def _expiry(value) -> dt.date:
    """giltig_till as a date: a TOML date or date-time, or an ISO text; ValueError when it is none of these."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())


def from_link(secrets: Mapping, token: str, today: dt.date) -> Access | None:
    """The access a link key gives, or None for a wrong, expired or rotated key."""
    if not isinstance(token, str) or not token:
        return None
    return from_link_hash(secrets, token_hash(token), today)


def from_link_hash(secrets: Mapping, offered: str, today: dt.date) -> Access | None:
    """The access of a link by its key's hash: also how an open session is checked again on each run."""
    found = None
    for link in secrets.get("lagesbild", {}).get("lankar", []):
        # Compare every configured hash in constant time, and do not stop at the first match.
        if hmac.compare_digest(offered.encode(), str(link.get("hash", "")).encode()):
            found = link
    if found is None or found.get("roll") not in ROLES:
        return None
    expiry = found.get("giltig_till")
    if expiry is not None:
        try:
            if _expiry(expiry) < today:
                return None
        except ValueError:  # a mistyped date must not open the link for ever
            return None
    project = found.get("projekt")
    return Access(
        found["roll"],
        f"delad länk ({found.get('namn', found['roll'])})",
        "lank",
        frozenset([project]) if project else None,
        offered,
    )


def _link_id(link_hash: str) -> str:
    # A ticket names its link by a hash of the key's hash: the key's hash itself signs the ticket, and a
    # ticket seen in a browser's history must not give it away.
    return hashlib.sha256(f"lagesbild-biljett:{link_hash}".encode()).hexdigest()[:24]


def _signature(link_hash: str, payload: str) -> str:
    return hmac.new(link_hash.encode(), payload.encode(), hashlib.sha256).hexdigest()[:32]


def ticket(granted: Access, now: dt.datetime) -> str:
    """A signed ticket for a link session, valid TICKET_HOURS; only the link's key could have made it."""
    assert granted.link_hash is not None
    payload = f"{_link_id(granted.link_hash)}.{int(now.timestamp()) + TICKET_HOURS * 3600}"
    return f"{payload}.{_signature(granted.link_hash, payload)}"


def from_ticket(secrets: Mapping, offered: str, now: dt.datetime) -> Access | None:
    """The access a ticket still gives: None when it is forged, expired, or its link was rotated or removed."""
    if not isinstance(offered, str) or offered.count(".") != 2:
        return None
    link_id, until, signature = offered.split(".")
    if not until.isdigit() or int(until) < now.timestamp():
        return None
    for link in secrets.get("lagesbild", {}).get("lankar", []):
        link_hash = str(link.get("hash", ""))
        if hmac.compare_digest(_link_id(link_hash), link_id) and hmac.compare_digest(
            _signature(link_hash, f"{link_id}.{until}"), signature
        ):
            return from_link_hash(secrets, link_hash, now.date())
    return None


def from_login(secrets: Mapping, user: Mapping) -> Access | None:
    """The role of a logged-in user from e-mail or group claims; None for someone unknown."""
    roles = {str(k).strip().lower(): v for k, v in secrets.get("lagesbild", {}).get("roller", {}).items()}
    by_group = {k.removeprefix(GROUP_PREFIX): v for k, v in roles.items() if k.startswith(GROUP_PREFIX)}
    by_email = {k: v for k, v in roles.items() if not k.startswith(GROUP_PREFIX)}
    email = str(user.get("email") or "").strip().lower()
    # A provider that says the address is unverified (email_verified = false) does not vouch for it.
    trusted_email = email if email and str(user.get("email_verified")).lower() != "false" else ""
    groups = user.get("groups") or []
    if isinstance(groups, str):  # some providers send a single group as a string
        groups = [groups]
    candidates = [by_email.get(trusted_email) if trusted_email else None]
    candidates += [by_group.get(str(g).strip().lower()) for g in groups]
    granted = [r for r in candidates if r in ROLES]
    if not granted:
        return None
    best = min(granted, key=ROLES.index)  # the most trusted role any claim gives
    return Access(best, email or str(user.get("name", "")), "inloggning")


def token_expired(user: Mapping, now: dt.datetime) -> bool:
    """An OIDC identity token past its exp claim ends the session (as does an exp that is no time)."""
    exp = user.get("exp")
    if exp is None:
        return False
    try:
        return float(exp) < now.timestamp()
    except (TypeError, ValueError):
        return True

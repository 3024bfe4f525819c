"""Shipped account plans: which cost accounts map to which kostnadsslag, chosen in projekt.toml."""

from __future__ import annotations

import pandas as pd

# (from, to, kostnadsslag), inclusive. The names are those of Tillväxtverket's budget template; a
# project whose budget.csv names its categories otherwise writes konton.csv, which wins where it
# covers an account. Ranges are as coarse as each plan's classes allow.
PLANS: dict[str, tuple[tuple[int, int, str], ...]] = {
    # BAS, for companies and associations: staff in class 7, travel in 58, purchased services in 65.
    "BAS": (
        (4000, 4999, "Övriga kostnader"),
        (4600, 4699, "Externa tjänster"),
        (5000, 5999, "Övriga kostnader"),
        (5800, 5899, "Resor och logi"),
        (6000, 6999, "Övriga kostnader"),
        (6500, 6599, "Externa tjänster"),
        (7000, 7699, "Egen personal"),
        (7700, 7899, "Investeringar"),
        (7900, 7999, "Övriga kostnader"),
    ),
    # Kommun-BAS, for municipalities and regions: class 4 purchases, class 5 staff, 6–7 other costs.
    "Kommun-BAS": (
        (4000, 4999, "Övriga kostnader"),
        (5000, 5999, "Egen personal"),
        (6000, 7999, "Övriga kostnader"),
    ),
}


def ranges(plan: str | None) -> pd.DataFrame:
    """The plan's ranges as a table (konto_fran, konto_till, kostnadsslag, ordning); empty for None."""
    rows = PLANS.get(plan or "", ())
    return pd.DataFrame(
        {
            "konto_fran": pd.Series([r[0] for r in rows], dtype="int64"),
            "konto_till": pd.Series([r[1] for r in rows], dtype="int64"),
            "kostnadsslag": pd.Series([r[2] for r in rows], dtype="string"),
            "ordning": pd.Series(range(len(rows)), dtype="int64"),
        }
    )

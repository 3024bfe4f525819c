"""The status values of the data contract (§2 and §5), named once for the code that compares with them."""

from __future__ import annotations

# aktiviteter.csv Status, and the status shown for an activity past its end
NOT_STARTED = "Ej påbörjad"
ONGOING = "Pågår"
DONE = "Klar"
PAUSED = "Pausad"
STRUCK = "Struken"
LATE = "Försenad"
ACTIVITY = (NOT_STARTED, ONGOING, DONE, PAUSED, STRUCK)

# paverkan.csv Status
IDEA = "Idé"
PLANNED = "Planerad"
CARRIED_OUT = "Genomförd"
CLOSED = "Avslutad"
INFLUENCE = (IDEA, PLANNED, ONGOING, CARRIED_OUT, CLOSED)

# risker.csv and beslut.csv Status
OPEN = "Öppen"
SHUT = "Stängd"
PROPOSAL = "Förslag"
RISK = (OPEN, SHUT)
DECISION = (OPEN, DONE, PROPOSAL)

# an indicator's status at the report date
REACHED = "Uppnått"
ON_TRACK = "I fas"
AT_RISK = "Risk"
BEHIND = "Efter"
NOT_MEASURED = "Ingen mätning"
INDICATOR = (REACHED, ON_TRACK, AT_RISK, BEHIND, NOT_MEASURED)

ALL = frozenset((*ACTIVITY, LATE, *INFLUENCE, *RISK, *DECISION, *INDICATOR))

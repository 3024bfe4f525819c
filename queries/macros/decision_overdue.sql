-- whether a steering group decision is overdue at a report date: still open, and its deadline has passed
create macro decision_overdue(status, deadline, rapportdatum) as (
    status = 'Öppen' and deadline < rapportdatum
)

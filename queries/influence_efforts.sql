-- every influence effort with whether it is overdue or coming up, and the days left to its answer deadline
select
    id,
    fraga,
    mottagare,
    niva,
    kanal,
    ansvarig,
    status,
    datum,
    sista_svarsdag,
    diarienummer,
    medundertecknare,
    prioritet,
    nasta_steg,
    resultat,
    lank,
    -- an effort without a date (and deadline) is neither overdue nor coming up: yes or no, never unknown
    coalesce(influence_overdue(status, datum, $rapportdatum::date), false) as forsenad,
    coalesce(
        influence_upcoming(status, datum, sista_svarsdag, $rapportdatum::date, $kommande_dagar::integer), false
    ) as kommande,
    datediff('day', $rapportdatum::date, sista_svarsdag) as dagar_till_svarsdag,
from paverkan
order by datum, id

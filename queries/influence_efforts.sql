-- every influence effort with whether it is overdue and the days left to its answer deadline
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
    influence_overdue(status, datum, $rapportdatum::date) as forsenad,
    datediff('day', $rapportdatum::date, sista_svarsdag) as dagar_till_svarsdag,
from paverkan
order by datum, id

-- what happened between the last steering meeting and the report date
select
    (
        select coalesce(sum(belopp_kr), 0) from kostnader
        where datum > $sedan::date and datum <= $rapportdatum::date
    ) as kostnader_kr,
    (
        select count(*) from indikatorvarden
        where datum > $sedan::date and datum <= $rapportdatum::date
    ) as nya_indikatorvarden,
    (
        select count(*) from aktiviteter
        where status = 'Klar' and slut > $sedan::date and slut <= $rapportdatum::date
    ) as avslutade_aktiviteter,
    (
        select count(*) from paverkan
        where datum > $sedan::date and datum <= $rapportdatum::date
    ) as nya_paverkansinsatser,

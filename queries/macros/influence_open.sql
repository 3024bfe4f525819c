-- whether an influence effort is still to do: an idea, planned or under way
create macro influence_open(status) as (
    status in ('Idé', 'Planerad', 'Pågår')
)

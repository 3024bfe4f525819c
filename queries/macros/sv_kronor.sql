-- writes an amount the Swedish way for messages: 1 800 000 kr (whole kronor, space between thousands)
create macro sv_kronor(x) as replace(format('{:,.0f}', x), ',', ' ') || ' kr'

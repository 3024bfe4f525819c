-- every cell of one exported file as text, numbered in file order
select
    row_number() over () as record_nr,
    *,
from read_csv(
    $path,
    delim = $delim,
    header = true,
    skip = $skip,
    all_varchar = true,
    encoding = $encoding,
    names = $names,
    quote = '"',
    escape = '"',
    comment = ''
)

-- every cell of one exported file as text, in file order (the loader numbers the rows by the order kept)
select
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

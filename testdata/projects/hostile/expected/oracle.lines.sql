error
testdata/projects/hostile/versions/0003_lines.mig:9:5: error: name 'say "hi"' on oracle: Oracle names cannot contain '"', even quoted
    add column canary."say ""hi""" string(100) default 'line one
    ^
testdata/projects/hostile/versions/0003_lines.mig:14:5: error: string 'multi...' on oracle: SQL*Plus would read a '/' or blank line inside it as the end of the statement (write CHR(10) in raw SQL)
    insert into canary (id, note) values
    ^

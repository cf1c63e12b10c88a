error
testdata/projects/hostile/versions/0003_lines.mig:9:5: error: string 'line one...' on mssql: sqlcmd would read a 'GO' line inside it as the end of the batch (write CHAR(10) in raw SQL)
    add column canary."say ""hi""" string(100) default 'line one
    ^
testdata/projects/hostile/versions/0003_lines.mig:14:5: error: string 'multi...' on mssql: sqlcmd would read a 'GO' line inside it as the end of the batch (write CHAR(10) in raw SQL)
    insert into canary (id, note) values
    ^

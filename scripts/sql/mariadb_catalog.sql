-- Everything a migration can leave in a MariaDB database, one sorted line each.
select line from (
  select concat('table ', table_name, ' ', table_type, ' ', coalesce(table_comment, '')) as line
    from information_schema.tables where table_schema = database()
  union all
  select concat('column ', table_name, '.', column_name, ' ', column_type, ' ', is_nullable, ' ',
                coalesce(column_default, '-'), ' ', extra, ' ', column_comment)
    from information_schema.columns where table_schema = database()
  union all
  select concat('constraint ', table_name, ' ', constraint_name, ' ', constraint_type)
    from information_schema.table_constraints where constraint_schema = database()
  union all
  select concat('check ', table_name, ' ', constraint_name, ' ', check_clause)
    from information_schema.check_constraints where constraint_schema = database()
  union all
  select concat('reference ', table_name, ' ', constraint_name, ' ', referenced_table_name, ' ', update_rule, ' ', delete_rule)
    from information_schema.referential_constraints where constraint_schema = database()
  union all
  select concat('index ', table_name, ' ', index_name, ' ', non_unique, ' ', seq_in_index, ' ', coalesce(column_name, '(expr)'), ' ', coalesce(collation, '-'))
    from information_schema.statistics where table_schema = database()
) catalog order by line;

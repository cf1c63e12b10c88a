-- Everything a migration can leave in a PostgreSQL database, one sorted line each.
select 'schema ' || nspname from pg_namespace
 where nspname not like 'pg\_%' and nspname not in ('information_schema', 'public')
union all
select 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where n.nspname not like 'pg\_%' and n.nspname <> 'information_schema' and c.relkind in ('r', 'p', 'v', 'S', 'm')
union all
select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
       || case when a.attnotnull then ' NOT NULL' else '' end
       || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
       || coalesce(' COMMENT ' || col_description(c.oid, a.attnum), '')
  from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
  left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
 where a.attnum > 0 and not a.attisdropped and n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
   and c.relkind in ('r', 'p', 'v')
union all
select 'constraint ' || n.nspname || '.' || c.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
  from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
 where n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
union all
select 'index ' || pg_get_indexdef(i.indexrelid)
  from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
 where n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
union all
select 'enum ' || n.nspname || '.' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder)
  from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
 group by n.nspname, t.typname
union all
select 'comment ' || n.nspname || '.' || c.relname || ' ' || obj_description(c.oid, 'pg_class')
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where obj_description(c.oid, 'pg_class') is not null and n.nspname not like 'pg\_%'
union all
select 'function ' || n.nspname || '.' || p.proname
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
 where n.nspname not like 'pg\_%' and n.nspname <> 'information_schema'
union all
select 'trigger ' || tgname from pg_trigger where not tgisinternal
order by 1;

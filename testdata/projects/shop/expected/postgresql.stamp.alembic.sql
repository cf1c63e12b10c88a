BEGIN;

-- Running stamp_revision 0002 -> 0006

UPDATE alembic_version SET version_num='0006' WHERE alembic_version.version_num = '0002';

COMMIT;


select * from canary order by id;
select * from "drop 'table'" order by "order";

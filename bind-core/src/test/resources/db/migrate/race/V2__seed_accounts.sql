insert into accounts (id, owner) values (1, 'alice');
insert into accounts (id, owner) values (2, 'bob');

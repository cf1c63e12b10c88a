// The statement rules of LANGUAGE.md ("Statements"). Included by grammar/statement.cpp only.
// Each statement commits with `>` after its deciding keywords, so a mistake is reported
// where it is, in words: every expectation point is a named rule or a named() token.
#pragma once

#include "grammar/ast_adapted.hpp"
#include "grammar/statement.hpp"
#include "grammar/tokens.hpp"

namespace retort::grammar {

using x3::attr;
using x3::lit;
using x3::matches;

#define RETORT_RULE(id, T, description) \
  struct id##_class : annotate {};      \
  x3::rule<id##_class, T> const id = description;
// A rule that only chooses among rules that stamp their span (a statement's words after
// its first, or a statement of either kind): the rule around it, or each of its choices,
// stamps what it matched, so it stamps nothing.
#define RETORT_CHOICE_RULE(id, T, description) \
  struct id##_class {};                        \
  x3::rule<id##_class, T> const id = description;

auto const semicolon = named("';' after the statement", lit(';'));
auto const open_paren = named("'('", lit('('));
auto const column_name = named("a column name", name);

// -- shared pieces ------------------------------------------------------------------------
RETORT_RULE(column_list, std::vector<ast::Name>, "a parenthesised list of column names")
auto const column_list_def = lit('(') > list_of(column_name) > named("',' or ')' after the column name", lit(')'));

RETORT_RULE(fk_rule, ast::FkRule, "'cascade', 'restrict', 'set null', 'set default' or 'no action'")
auto const fk_rule_def = (kw("cascade") >> attr(ast::FkRule::cascade)) |
                         (kw("restrict") >> attr(ast::FkRule::restrict)) |
                         (kw("set") >> kw("null") >> attr(ast::FkRule::set_null)) |
                         (kw("set") >> kw("default") >> attr(ast::FkRule::set_default)) |
                         (kw("no") >> kw("action") >> attr(ast::FkRule::no_action));

RETORT_RULE(fk_event, ast::FkEvent, "'delete' or 'update' after 'on'")
auto const fk_event_def =
    (kw("delete") >> attr(ast::FkEvent::on_delete)) | (kw("update") >> attr(ast::FkEvent::on_update));

RETORT_RULE(fk_action, ast::FkAction, "'on delete' or 'on update'")
auto const fk_action_def = kw("on") > fk_event > fk_rule;

RETORT_RULE(deferral, ast::Deferral, "'deferred' or 'immediate' after 'initially'")
auto const deferral_def =
    (kw("deferrable") >> kw("initially") >
     named("'deferred' or 'immediate' after 'initially'",
           (kw("deferred") >> attr(ast::Deferral::initially_deferred)) |
               (kw("immediate") >> attr(ast::Deferral::initially_immediate)))) |
    (kw("deferrable") >> attr(ast::Deferral::deferrable)) | attr(ast::Deferral::not_deferrable);

RETORT_RULE(function_call, ast::FunctionCall, "a function call")
auto const function_call_def =
    name >> lit('(') > named("')': a function default takes no arguments (write raw SQL for more)", lit(')'));

RETORT_RULE(sql_keyword, ast::SqlKeyword, "current_timestamp, current_date or current_time")
auto const sql_keyword_def = (kw("current_timestamp") >> attr(ast::SqlKeyword::current_timestamp)) |
                             (kw("current_date") >> attr(ast::SqlKeyword::current_date)) |
                             (kw("current_time") >> attr(ast::SqlKeyword::current_time));

RETORT_CHOICE_RULE(default_expr, ast::DefaultExpr,
            "a default value (a literal, current_timestamp, a call like now(), or raw SQL)")
auto const default_expr_def = literal | sql_keyword | function_call | raw_sql;

auto const raw_sql_expected = named("raw SQL: $$...$$ or a balanced ( ... )", raw_sql);

// -- constraints ----------------------------------------------------------------------------
RETORT_RULE(key_body, ast::KeyBody, "'primary key' or 'unique'")
auto const key_body_def = (kw("primary") >> kw("key") >> attr(ast::KeyKind::primary_key) > column_list) |
                          (kw("unique") >> &lit('(') >> attr(ast::KeyKind::unique) > column_list);

RETORT_RULE(foreign_key_body, ast::ForeignKeyBody, "'foreign key'")
auto const foreign_key_body_def = kw("foreign") >> kw("key") > column_list > named("'references'", kw("references")) >
                                  named("the referenced table", qname) > column_list > *fk_action > deferral;

RETORT_RULE(check_body, ast::CheckBody, "'check'")
auto const check_body_def = kw("check") >> &(lit('(') | lit('$')) > raw_sql_expected;

RETORT_CHOICE_RULE(constraint_body, ast::ConstraintBody,
            "a constraint: 'primary key (...)', 'unique (...)', 'foreign key (...) references ...' or 'check (...)'")
auto const constraint_body_def = key_body | foreign_key_body | check_body;

RETORT_RULE(table_constraint, ast::TableConstraint, "a table constraint")
// A name that is not one of the words that start a constraint's body.
auto const constraint_name =
    named("the constraint's name", !(kw("primary") | kw("unique") | kw("foreign") | kw("check")) >> name);

auto const table_constraint_def = (kw("constraint") > constraint_name > constraint_body) |
                                  (attr(boost::optional<ast::Name>()) >> constraint_body);

// -- columns -------------------------------------------------------------------------------
RETORT_RULE(flag_option, ast::FlagOption, "a column option")
auto const flag_option_def =
    (kw("not") > named("'null' after 'not'", kw("null")) > attr(ast::ColumnFlag::not_null)) |
    (kw("null") >> attr(ast::ColumnFlag::null)) |
    (kw("primary") > named("'key' after 'primary'", kw("key")) > attr(ast::ColumnFlag::primary_key)) |
    (kw("unique") >> attr(ast::ColumnFlag::unique)) |
    (kw("autoincrement") >> kw("false") >> attr(ast::ColumnFlag::no_autoincrement)) |
    (kw("autoincrement") >> attr(ast::ColumnFlag::autoincrement));

RETORT_RULE(default_option, ast::DefaultOption, "'default'")
auto const default_option_def = kw("default") > default_expr;

RETORT_RULE(references_option, ast::ReferencesOption, "'references'")
auto const references_option_def = kw("references") > named("the referenced table", qname) > open_paren >
                                   column_name > named("')' after the referenced column", lit(')')) > *fk_action;

RETORT_RULE(check_option, ast::CheckOption, "'check'")
auto const check_option_def = kw("check") > raw_sql_expected;

RETORT_RULE(comment_option, ast::CommentOption, "'comment'")
auto const comment_option_def = kw("comment") > named("the comment as a 'quoted string'", string_lit);

RETORT_CHOICE_RULE(column_option, ast::ColumnOption, "a column option")
auto const column_option_def =
    by_keyword<ast::ColumnOption>(no_otherwise{}, when("not", flag_option), when("null", flag_option),
                                  when("primary", flag_option), when("unique", flag_option),
                                  when("autoincrement", flag_option), when("default", default_option),
                                  when("references", references_option), when("check", check_option),
                                  when("comment", comment_option));

auto const column_type = named("a type, such as integer or string(50)", type);

RETORT_RULE(column_def, ast::ColumnDef, "a column definition")
auto const column_def_def = name > column_type > many(column_option);

RETORT_CHOICE_RULE(table_element, ast::TableElement, "a column definition or a table constraint")
auto const table_element_def =
    by_keyword<ast::TableElement>(column_def, when("constraint", table_constraint), when("primary", table_constraint),
                                  when("unique", table_constraint), when("foreign", table_constraint),
                                  when("check", table_constraint));

// -- statements -------------------------------------------------------------------------------
auto const table_name = named("a table name ('table' or 'schema.table')", qname);
auto const column_path = named("a column ('table.column' or 'schema.table.column')", colpath);
auto const new_name = named("the new name", name);

RETORT_RULE(create_table, ast::CreateTable, "'create table'")
auto const create_table_def = kw("table") > table_name > open_paren > list_of(table_element) >
                              named("',' or ')' after the table element", lit(')')) >
                              -(kw("comment") > named("the comment as a 'quoted string'", string_lit)) > semicolon;

RETORT_RULE(sort_order, ast::SortOrder, "'asc' or 'desc'")
auto const sort_order_def =
    (kw("asc") >> attr(ast::SortOrder::asc)) | (kw("desc") >> attr(ast::SortOrder::desc)) | attr(ast::SortOrder::none);

RETORT_RULE(index_column, ast::IndexColumn, "an index column")
auto const index_column_def = name > sort_order;

RETORT_CHOICE_RULE(index_element, ast::IndexElement, "a column name or an expression as raw SQL")
auto const index_element_def = raw_sql | index_column;

RETORT_RULE(create_index, ast::CreateIndex, "'create index'")
auto const create_index_def = ((kw("unique") >> attr(true) > named("'index' after 'unique'", kw("index"))) |
                               (kw("index") >> attr(false))) > matches[kw("concurrently")] >
                              named("the index's name", !kw("on") >> name) > named("'on' and the table", kw("on")) > table_name >
                              -(kw("using") > named("the index method", name)) > open_paren > list_of(index_element) >
                              named("',' or ')' after the index element", lit(')')) >
                              -(kw("where") > raw_sql_expected) > semicolon;

RETORT_CHOICE_RULE(create_statement, ast::Statement, "'table' or 'index' after 'create'")
auto const create_statement_def = by_keyword<ast::Statement>(no_otherwise{}, when("table", create_table),
                                                              when("index", create_index), when("unique", create_index));

RETORT_RULE(drop_table, ast::DropTable, "'drop table'")
auto const drop_table_def = kw("table") > table_name > semicolon;

RETORT_RULE(drop_column, ast::DropColumn, "'drop column'")
auto const drop_column_def = kw("column") > column_path > semicolon;

RETORT_RULE(drop_index, ast::DropIndex, "'drop index'")
auto const drop_index_def = kw("index") > matches[kw("concurrently")] > named("the index's name", !kw("on") >> name) >
                            -(kw("on") > table_name) > semicolon;

RETORT_RULE(drop_constraint, ast::DropConstraint, "'drop constraint'")
auto const drop_constraint_def = kw("constraint") > named("the constraint's name", name) >
                                 named("'on' and the table", kw("on")) > table_name > semicolon;

RETORT_CHOICE_RULE(drop_statement, ast::Statement, "'table', 'column', 'index' or 'constraint' after 'drop'")
auto const drop_statement_def =
    by_keyword<ast::Statement>(no_otherwise{}, when("table", drop_table), when("column", drop_column),
                               when("index", drop_index), when("constraint", drop_constraint));

RETORT_RULE(rename_table, ast::RenameTable, "'rename table'")
auto const rename_table_def = kw("table") > table_name > named("'to' and the new name", kw("to")) > new_name > semicolon;

RETORT_RULE(rename_column, ast::RenameColumn, "'rename column'")
auto const rename_column_def =
    kw("column") > column_path > named("'to' and the new name", kw("to")) > new_name > semicolon;

RETORT_CHOICE_RULE(rename_statement, ast::Statement, "'table' or 'column' after 'rename'")
auto const rename_statement_def =
    by_keyword<ast::Statement>(no_otherwise{}, when("table", rename_table), when("column", rename_column));

RETORT_RULE(add_column, ast::AddColumn, "'add column'")
auto const add_column_def = kw("column") > column_path > column_type > many(column_option) > semicolon;

RETORT_RULE(add_constraint, ast::AddConstraint, "'add constraint'")
auto const add_constraint_def = kw("constraint") > named("the constraint's name", name) >
                                named("'on' and the table", kw("on")) > table_name > constraint_body > semicolon;

RETORT_CHOICE_RULE(add_statement, ast::Statement, "'column' or 'constraint' after 'add'")
auto const add_statement_def =
    by_keyword<ast::Statement>(no_otherwise{}, when("column", add_column), when("constraint", add_constraint));

RETORT_RULE(type_change, ast::TypeChange, "'type'")
auto const type_change_def = kw("type") > column_type > -(kw("using") > raw_sql_expected);

RETORT_RULE(flag_change, ast::FlagChange, "'set not null', 'drop not null' or 'drop default'")
auto const flag_change_def =
    (kw("set") >> kw("not") > named("'null' after 'not'", kw("null")) > attr(ast::ChangeFlag::set_not_null)) |
    (kw("drop") >> kw("not") > named("'null' after 'not'", kw("null")) > attr(ast::ChangeFlag::drop_not_null)) |
    (kw("drop") >> kw("default") >> attr(ast::ChangeFlag::drop_default));

RETORT_RULE(set_default, ast::SetDefault, "'set default'")
auto const set_default_def = kw("set") >> kw("default") > default_expr;

RETORT_RULE(comment_change, ast::CommentChange, "'comment'")
auto const comment_change_def = kw("comment") > named("the comment as a 'quoted string' or null", string_or_null);

RETORT_CHOICE_RULE(change, ast::Change,
            "a change: 'type', 'set not null', 'drop not null', 'set default', 'drop default' or 'comment'")
auto const change_def = type_change | flag_change | set_default | comment_change;

RETORT_RULE(alter_column, ast::AlterColumn, "'column' after 'alter'")
auto const alter_column_def =
    named("'column' after 'alter'", kw("column")) > column_path > list_of(change) > semicolon;

RETORT_RULE(comment_table, ast::CommentOnTable, "'comment on table'")
auto const comment_table_def = kw("table") > table_name > named("'is' and the comment", kw("is")) >
                               named("the comment as a 'quoted string' or null", string_or_null) > semicolon;

RETORT_RULE(comment_column, ast::CommentOnColumn, "'comment on column'")
auto const comment_column_def = kw("column") > column_path > named("'is' and the comment", kw("is")) >
                                named("the comment as a 'quoted string' or null", string_or_null) > semicolon;

RETORT_CHOICE_RULE(comment_statement, ast::Statement, "'table' or 'column' after 'comment on'")
auto const comment_statement_def =
    by_keyword<ast::Statement>(no_otherwise{}, when("table", comment_table), when("column", comment_column));

RETORT_RULE(row, ast::Row, "a row of values in parentheses")
auto const row_def = lit('(') > list_of(named("a value (a number, a 'string', true, false or null)", literal)) >
                     named("',' or ')' after the value", lit(')'));

RETORT_RULE(insert, ast::Insert, "'into' after 'insert'")
auto const insert_def = named("'into' after 'insert'", kw("into")) > table_name > column_list >
                        named("'values'", kw("values")) > list_of(row) > semicolon;

RETORT_RULE(dialect_list, std::vector<ast::Name>, "the dialects after 'for'")
auto const dialect_list_def = (kw("for") > list_of(named("a dialect name", name))) | attr(std::vector<ast::Name>());

RETORT_RULE(execute, ast::Execute, "'execute'")
auto const execute_def = dialect_list > raw_sql_expected > semicolon;

RETORT_RULE(plain_statement, ast::Statement, "a statement or '}'")
auto const plain_statement_def = by_keyword<ast::Statement>(
    no_otherwise{}, when("create", kw("create") > create_statement), when("drop", kw("drop") > drop_statement),
    when("rename", kw("rename") > rename_statement), when("add", kw("add") > add_statement),
    when("alter", kw("alter") > alter_column),
    when("comment", kw("comment") > named("'on' after 'comment'", kw("on")) > comment_statement),
    when("insert", kw("insert") > insert), when("execute", kw("execute") > execute));

auto const block_end = named("'}' at the end of the block", lit('}'));

RETORT_RULE(nested_statements, std::vector<ast::Statement>, "statements")
auto const nested_statements_def = until_close(plain_statement);

RETORT_RULE(nested_block, ast::NestedBlock, "'autocommit { ... }' or 'assume { ... }'")
auto const nested_block_def = ((kw("autocommit") >> attr(ast::NestedKind::autocommit)) |
                               (kw("assume") >> attr(ast::NestedKind::assume))) >
                              named("'{'", lit('{')) > nested_statements > block_end;

RETORT_CHOICE_RULE(statement, ast::Statement, "a statement or '}'")
auto const statement_def = plain_statement | nested_block;

statements_type const statements = "statements";
auto const statements_def = until_close(statement);

BOOST_SPIRIT_DEFINE(column_list, fk_rule, fk_event, fk_action, deferral, function_call, sql_keyword, default_expr,
                    key_body, foreign_key_body, check_body, constraint_body, table_constraint, flag_option,
                    default_option, references_option, check_option, comment_option, column_option, column_def,
                    table_element, create_table, sort_order, index_column, index_element, create_index,
                    create_statement, drop_table, drop_column, drop_index, drop_constraint, drop_statement,
                    rename_table, rename_column, rename_statement, add_column, add_constraint, add_statement,
                    type_change, flag_change, set_default, comment_change, change, alter_column, comment_table,
                    comment_column, comment_statement, row, insert, dialect_list, execute, plain_statement,
                    nested_statements, nested_block, statement, statements)

#undef RETORT_RULE
#undef RETORT_CHOICE_RULE

}  // namespace retort::grammar

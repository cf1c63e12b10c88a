// Fusion adaptation of the AST for X3: the members each rule fills, in grammar order.
// Locations are stamped by on_success, so `loc` is never adapted.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(retort::ast::FunctionCall, name)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::FkAction, event, rule)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::KeyBody, kind, columns)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::ForeignKeyBody, columns, ref_table, ref_columns, actions, deferral)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::CheckBody, sql)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::TableConstraint, name, body)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::FlagOption, flag)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::DefaultOption, value)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::ReferencesOption, table, column, actions)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::CheckOption, sql)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::CommentOption, text)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::ColumnDef, name, type, options)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::CreateTable, table, elements, comment)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::DropTable, table)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::RenameTable, table, new_name)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::AddColumn, column, type, options)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::DropColumn, column)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::RenameColumn, column, new_name)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::TypeChange, type, using_)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::FlagChange, flag)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::SetDefault, value)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::CommentChange, text)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::AlterColumn, column, changes)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::IndexColumn, name, order)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::CreateIndex, unique, concurrently, name, table, method, elements, where)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::DropIndex, concurrently, name, table)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::AddConstraint, name, table, body)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::DropConstraint, name, table)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::CommentOnTable, table, text)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::CommentOnColumn, column, text)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::Insert, table, columns, rows)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::Execute, dialects, sql)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::NestedBlock, kind, statements)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::Block, irreversible, statements)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::HeaderField, key, values)
BOOST_FUSION_ADAPT_STRUCT(retort::ast::RevisionSyntax, header, upgrade, downgrade)

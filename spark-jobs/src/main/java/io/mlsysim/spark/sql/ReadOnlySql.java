package io.mlsysim.spark.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedHint;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedSubqueryColumnAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.RuntimeReplaceable;
import org.apache.spark.sql.catalyst.expressions.UserDefinedExpression;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.AsOfJoin;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationDef;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationRef;
import org.apache.spark.sql.catalyst.plans.logical.DescribeColumn;
import org.apache.spark.sql.catalyst.plans.logical.DescribeFunction;
import org.apache.spark.sql.catalyst.plans.logical.DescribeRelation;
import org.apache.spark.sql.catalyst.plans.logical.Distinct;
import org.apache.spark.sql.catalyst.plans.logical.Except;
import org.apache.spark.sql.catalyst.plans.logical.Expand;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Intersect;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LateralJoin;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Offset;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Pivot;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.Range;
import org.apache.spark.sql.catalyst.plans.logical.Repartition;
import org.apache.spark.sql.catalyst.plans.logical.RepartitionByExpression;
import org.apache.spark.sql.catalyst.plans.logical.ResolvedHint;
import org.apache.spark.sql.catalyst.plans.logical.Sample;
import org.apache.spark.sql.catalyst.plans.logical.ShowColumns;
import org.apache.spark.sql.catalyst.plans.logical.ShowFunctions;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.catalyst.plans.logical.Sort;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.Tail;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.catalyst.plans.logical.View;
import org.apache.spark.sql.catalyst.plans.logical.Window;
import org.apache.spark.sql.catalyst.plans.logical.WithCTE;
import org.apache.spark.sql.catalyst.plans.logical.WithWindowDefinition;
import org.apache.spark.sql.execution.command.DescribeQueryCommand;
import org.apache.spark.sql.execution.command.ExplainCommand;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs SQL that can only read: SELECT / WITH / VALUES queries over the session's temporary
 * views, EXPLAIN of such a query, and SHOW / DESCRIBE. Everything else — writes, DDL, SET, ADD
 * JAR, SQL scripts, reading files by path, calling Java ({@code reflect}, {@code java_method},
 * user-defined functions) — is refused before it runs.
 *
 * <p>The decision is taken on Spark's own plans, never on the text: the statement is parsed,
 * its kind must be on an allow-list, and a query is then analysed and every node of the
 * analysed plan (subqueries and CTEs included) must be on an allow-list of read-only relational
 * operators. Data can only come from temporary views (the caller registered them; a query can
 * create none), so a query reads what the caller exposed and nothing else. A statement that is
 * not a query is never handed to Spark's {@code sql()}, which would execute commands eagerly.
 *
 * <p>Shared by {@code mlsysim query} and any other SQL door (an MCP server, a notebook helper).
 */
public final class ReadOnlySql {

  /** A statement that is not read-only; the message is one line saying what is not allowed. */
  public static final class Refused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Refused(String what) {
      super(what + " is not allowed: this SQL is read-only (SELECT, WITH, VALUES, EXPLAIN, SHOW or DESCRIBE"
          + " over the views)");
    }
  }

  /** SQL Spark cannot parse or resolve (a syntax error, an unknown column): Spark's one-line message. */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Invalid(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Read-only relational operators a query may consist of once analysed. */
  private static final Set<Class<?>> QUERY_NODES = Set.of(Project.class, Filter.class, Aggregate.class,
      Join.class, LateralJoin.class, AsOfJoin.class, Sort.class, GlobalLimit.class, LocalLimit.class, Offset.class,
      Tail.class, Union.class, Intersect.class, Except.class, Distinct.class, SubqueryAlias.class, Window.class,
      Generate.class, Expand.class, Range.class, OneRowRelation.class, LocalRelation.class, WithCTE.class,
      CTERelationDef.class, CTERelationRef.class, Sample.class, Repartition.class, RepartitionByExpression.class,
      ResolvedHint.class, org.apache.spark.sql.catalyst.plans.logical.Deduplicate.class);

  /** Parsed forms of the same, before the analyser rewrites them. */
  private static final Set<Class<?>> PARSED_QUERY_NODES = Set.of(UnresolvedRelation.class, UnresolvedWith.class,
      UnresolvedHint.class, UnresolvedInlineTable.class, UnresolvedTableValuedFunction.class,
      UnresolvedSubqueryColumnAliases.class, Pivot.class, WithWindowDefinition.class,
      org.apache.spark.sql.catalyst.plans.logical.Unpivot.class);

  /** Metadata statements that read the catalog only. */
  private static final Set<Class<?>> METADATA = Set.of(ShowTables.class, ShowViews.class, ShowColumns.class,
      ShowFunctions.class, DescribeRelation.class, DescribeColumn.class, DescribeFunction.class);

  /** Table-valued functions that generate rows from their arguments and read nothing. */
  private static final Set<String> GENERATORS = Set.of("range", "explode", "explode_outer", "posexplode",
      "posexplode_outer", "inline", "inline_outer", "stack", "json_tuple", "sql_keywords", "variant_explode",
      "variant_explode_outer");

  /** What people call the statements they are most likely to try, for the refusal message. */
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("InsertIntoDir", "writing files (INSERT OVERWRITE DIRECTORY)"),
      Map.entry("InsertIntoStatement", "INSERT"),
      Map.entry("CreateTableAsSelect", "CREATE TABLE"), Map.entry("CreateTable", "CREATE TABLE"),
      Map.entry("CreateView", "CREATE VIEW"), Map.entry("CreateViewCommand", "CREATE VIEW"),
      Map.entry("CreateFunction", "CREATE FUNCTION"), Map.entry("DropTable", "DROP TABLE"),
      Map.entry("SetCommand", "SET"), Map.entry("ResetCommand", "RESET"), Map.entry("SetNamespaceCommand", "USE"),
      Map.entry("AddJarsCommand", "ADD JAR"), Map.entry("AddFilesCommand", "ADD FILE"),
      Map.entry("AddArchivesCommand", "ADD ARCHIVE"), Map.entry("CompoundBody", "SQL scripting (BEGIN … END)"),
      Map.entry("CacheTable", "CACHE TABLE"), Map.entry("CacheTableAsSelect", "CACHE TABLE"),
      Map.entry("UncacheTable", "UNCACHE TABLE"), Map.entry("RefreshTable", "REFRESH TABLE"),
      Map.entry("DeleteFromTable", "DELETE"), Map.entry("UpdateTable", "UPDATE"),
      Map.entry("MergeIntoTable", "MERGE"), Map.entry("SetVariable", "SET VARIABLE"),
      Map.entry("CreateVariable", "DECLARE VARIABLE"), Map.entry("ExecuteImmediateQuery", "EXECUTE IMMEDIATE"));

  private ReadOnlySql() {}

  /**
   * The rows of a read-only statement, not yet computed (SHOW and DESCRIBE have already run).
   *
   * @throws Refused when the statement could write, change the session or run code
   * @throws Invalid for a statement Spark cannot parse or resolve
   */
  public static Dataset<Row> query(SparkSession spark, String sql) {
    try {
      return guarded((org.apache.spark.sql.classic.SparkSession) spark, sql);
    } catch (Refused e) {
      throw e;
    } catch (Exception e) { // Spark's checked exceptions arrive undeclared from Scala
      String m = SqlErrors.userMessage(e).orElse(null);
      if (m != null) {
        throw new Invalid(m, e);
      }
      throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
    }
  }

  private static Dataset<Row> guarded(org.apache.spark.sql.classic.SparkSession session, String sql)
      throws Exception {
    LogicalPlan parsed = session.sessionState().sqlParser().parsePlan(sql);
    if (parsed instanceof ExplainCommand explain) {
      checkQuery(session, explain.logicalPlan());
      return ofRows(session, parsed);
    }
    if (parsed instanceof DescribeQueryCommand describe) {
      checkQuery(session, describe.plan());
      return ofRows(session, parsed);
    }
    if (METADATA.contains(parsed.getClass())) {
      checkParsed(parsed, true);
      return ofRows(session, parsed);
    }
    checkParsed(parsed, false);
    Dataset<Row> rows = ofRows(session, parsed); // a query: analysed here, nothing runs yet
    checkAnalyzed(rows.queryExecution().analyzed());
    return rows;
  }

  private static void checkQuery(org.apache.spark.sql.classic.SparkSession session, LogicalPlan parsed) {
    checkParsed(parsed, false);
    checkAnalyzed(session.sessionState().executePlan(parsed,
        org.apache.spark.sql.execution.CommandExecutionMode.SKIP()).analyzed());
  }

  private static Dataset<Row> ofRows(org.apache.spark.sql.classic.SparkSession session, LogicalPlan plan) {
    return org.apache.spark.sql.classic.Dataset$.MODULE$.ofRows(session, plan);
  }

  /**
   * Before analysis: the statement is a query (or the metadata statement's target is a view by a
   * plain name), and relations are named by one plain name. A path relation
   * ({@code parquet.`/dir`}) is refused here, before the analyser would list the path.
   */
  private static void checkParsed(LogicalPlan root, boolean metadata) {
    for (QueryPlan<?> node : nodes(root)) {
      if (node == root && metadata) {
        continue;
      }
      if (node instanceof UnresolvedRelation r) {
        List<String> name = CollectionConverters.asJava(r.multipartIdentifier());
        if (name.size() != 1) {
          throw new Refused("reading " + String.join(".", name) + " (a file, path or catalog table)");
        }
        if (r.isStreaming()) {
          throw new Refused("streaming from " + name.get(0));
        }
      } else if (node instanceof UnresolvedTableOrView t) {
        List<String> name = CollectionConverters.asJava(t.multipartIdentifier());
        if (name.size() != 1) {
          throw new Refused("describing " + String.join(".", name) + " (a file, path or catalog table)");
        }
      } else if (node instanceof UnresolvedTableValuedFunction f) {
        String name = String.join(".", CollectionConverters.asJava(f.name())).toLowerCase(Locale.ROOT);
        if (!GENERATORS.contains(name)) {
          throw new Refused("the table function " + name);
        }
      } else if (node instanceof LogicalPlan p && !metadata && !QUERY_NODES.contains(p.getClass())
          && !PARSED_QUERY_NODES.contains(p.getClass())) {
        throw new Refused(describe(p));
      }
      for (Expression e : expressions(node)) {
        checkExpression(e);
      }
    }
  }

  /** After analysis: only read-only operators, data only from temporary views, no code calls. */
  private static void checkAnalyzed(LogicalPlan analyzed) {
    for (QueryPlan<?> node : nodes(analyzed)) {
      if (node instanceof View v) {
        if (!v.isTempView()) {
          throw new Refused("reading the catalog view " + v.desc().identifier().unquotedString());
        }
        continue; // what the caller exposed; its own plan is the caller's
      }
      if (node instanceof LogicalPlan p && !QUERY_NODES.contains(p.getClass())) {
        throw new Refused(describe(p));
      }
      for (Expression e : expressions(node)) {
        checkExpression(e);
      }
    }
  }

  private static void checkExpression(Expression e) {
    List<Expression> pending = new ArrayList<>(List.of(e));
    while (!pending.isEmpty()) {
      Expression x = pending.remove(pending.size() - 1);
      if (x instanceof CallMethodViaReflection) {
        throw new Refused("calling Java methods (" + x.prettyName() + ")");
      }
      if (x instanceof UserDefinedExpression) {
        throw new Refused("calling a user-defined function (" + x.prettyName() + ")");
      }
      if (x instanceof UnresolvedFunction f) {
        String name = String.join(".", CollectionConverters.asJava(f.nameParts())).toLowerCase(Locale.ROOT);
        if (name.equals("reflect") || name.equals("java_method") || name.equals("try_reflect")) {
          throw new Refused("calling Java methods (" + name + ")");
        }
      }
      if (x instanceof RuntimeReplaceable r) {
        pending.add(r.replacement()); // try_reflect and friends hide the real call here
      }
      pending.addAll(CollectionConverters.asJava(x.children()));
    }
  }

  /** Every plan node: children, CTE definitions and the plans of subquery expressions. */
  private static List<QueryPlan<?>> nodes(LogicalPlan root) {
    List<QueryPlan<?>> out = new ArrayList<>();
    List<QueryPlan<?>> pending = new ArrayList<>(List.of(root));
    while (!pending.isEmpty()) {
      QueryPlan<?> p = pending.remove(pending.size() - 1);
      out.add(p);
      if (p instanceof View) {
        continue; // a view's body is the caller's plan, not the query's
      }
      for (Object c : CollectionConverters.asJava(p.children())) {
        pending.add((QueryPlan<?>) c);
      }
      pending.addAll(CollectionConverters.asJava(p.innerChildren()));
      for (Object s : CollectionConverters.asJava(p.subqueries())) {
        pending.add((QueryPlan<?>) s);
      }
    }
    return out;
  }

  private static List<Expression> expressions(QueryPlan<?> node) {
    return CollectionConverters.asJava(node.expressions());
  }

  private static String describe(LogicalPlan p) {
    String n = p.getClass().getSimpleName();
    return NAMES.getOrDefault(n, "a " + p.nodeName() + " statement");
  }
}

"""The quickstart study every night from Airflow: one BashOperator calling spark-submit.

--if-changed makes a night with the same spec, zoo, engine and resolvers a successful no-op, so
retries and backfills are safe; max_active_runs=1 keeps two nights from writing the study at once.
Edit the paths and the master for your installation.
"""
from datetime import datetime, timedelta

from airflow import DAG

try:  # Airflow 3
    from airflow.providers.standard.operators.bash import BashOperator
except ImportError:  # Airflow 2
    from airflow.operators.bash import BashOperator

SPARK_SUBMIT = "/opt/spark/bin/spark-submit"
SPARK_MASTER = "yarn"
JOB_JAR = "/opt/mlsysim/mlsysim-spark-jobs-0.1.0-SNAPSHOT-job.jar"
STUDY = "/opt/mlsysim/configs/studies/quickstart.yaml"
TABLES = "hdfs:///mlsysim/studies"

with DAG(
    dag_id="mlsysim_quickstart_nightly",
    schedule="15 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=15)},
    tags=["mlsysim", "studies"],
) as dag:
    run_study = BashOperator(
        task_id="run_study",
        bash_command=(
            f"{SPARK_SUBMIT} --master {SPARK_MASTER} --deploy-mode client"
            " --class io.mlsysim.spark.StudyJob"
            " --conf 'spark.executor.extraJavaOptions=--add-opens=java.base/java.nio=ALL-UNNAMED"
            " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED'"
            f" {JOB_JAR} {STUDY} --out {TABLES} --if-changed"
        ),
    )

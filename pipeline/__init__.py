"""claims-pipeline: biomedical article text -> Parquet tables of evidence."""
__version__ = "0.1.0"

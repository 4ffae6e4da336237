"""The BlobStore port and its backends: a local folder and Azure Blob Storage."""

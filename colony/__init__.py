"""Colony: a self-hosted social platform for an organisation and its leaders."""

import os

# BLAS threads are fixed before numpy loads. Changing them per call (as the
# embedding model otherwise does) makes single-text embeddings stall for
# 100-200 ms now and then on a busy machine; one thread per process keeps a
# query embedding at about a millisecond. COLONY_EMBEDDING_THREADS raises it.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, os.environ.get("COLONY_EMBEDDING_THREADS", "1"))

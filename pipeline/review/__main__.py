import sys

from pipeline.review.build import main

sys.exit(main())

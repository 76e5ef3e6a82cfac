"""Launch localstripe (a fake Stripe server; GPL, test-only) on 127.0.0.1 with its state file in a
directory we choose: its own CLI listens on every interface and pickles into the system temp dir.

Usage: python tests/localstripe_server.py PORT STATE_DIR
"""

from __future__ import annotations

import os
import pickle
import sys


def main() -> None:
    port, state_dir = int(sys.argv[1]), sys.argv[2]
    from aiohttp import web
    from localstripe import resources
    from localstripe.server import app

    state_file = os.path.join(state_dir, "localstripe.pickle")

    def dump_to_disk(self):
        with open(state_file, "wb") as f:
            pickle.dump(self, f, protocol=pickle.HIGHEST_PROTOCOL)

    resources.Store.dump_to_disk = dump_to_disk
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


if __name__ == "__main__":
    main()

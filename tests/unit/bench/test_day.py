"""bench/day.py's verdict on a day's samples: a leak is growth, not a socket open at the moment of one sample."""

from bench.day import growth


def _day(fds, threads=None, rss=None):
    """One sample per simulated half hour over 24 hours."""
    n = len(fds)
    return [{"hour": i / 2, "fds": fds[i], "threads": (threads or [11] * n)[i], "rss_mb": (rss or [300.0] * n)[i],
             "cpu": 0.0, "t": float(i)} for i in range(n)]


def test_a_heartbeat_socket_open_at_one_sample_is_not_growth():
    # 22 at rest, 23 while a request is in flight: the first hour's sample caught rest, the last caught a request
    fds = [22 if i % 2 == 0 else 23 for i in range(49)]
    fds[2], fds[48] = 22, 23
    assert growth(_day(fds), 24.0) == {"rss_mb": 0.0, "fds": 0, "threads": 0}


def test_files_threads_and_memory_that_keep_growing_are_growth():
    grown = growth(_day([22 + i // 8 for i in range(49)], [11 + i // 24 for i in range(49)],
                        [300.0 + i * 0.25 for i in range(49)]), 24.0)
    assert grown["fds"] >= 4 and grown["threads"] >= 1 and grown["rss_mb"] == 46 * 0.25


def test_a_burst_of_sockets_early_in_the_day_does_not_hide_a_leak_later():
    fds = [22 if i % 2 == 0 else 23 for i in range(49)]
    fds[3] = 30  # a catalog check with several connections open in the first quarter
    for i in range(36, 49):
        fds[i] += 2  # two that never close in the last quarter
    assert growth(_day(fds), 24.0)["fds"] == 2

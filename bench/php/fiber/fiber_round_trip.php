<?php
// The PHP anchor of the fiber suite: one resume + suspend round trip of a PHP 8.1+ fiber, the same
// operation as FiberBenchmark.roundTrip_*. Median of 7 runs of 2,000,000 round trips, after a warm-up.
$fiber = new Fiber(function (): void {
    while (true) {
        Fiber::suspend();
    }
});
$fiber->start();
$measure = function (int $n) use ($fiber): float {
    $start = hrtime(true);
    for ($i = 0; $i < $n; $i++) {
        $fiber->resume();
    }
    return (hrtime(true) - $start) / $n;
};
$measure(200000);
$runs = [];
for ($r = 0; $r < 7; $r++) {
    $runs[] = $measure(2000000);
}
sort($runs);
printf("fiber round trip %.1f ns (median of 7 runs; min %.1f, max %.1f)", $runs[3], $runs[0], $runs[6]);

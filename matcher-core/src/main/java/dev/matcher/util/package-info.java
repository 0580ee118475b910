/**
 * Support shared by the library's packages; not an API of its own. {@link dev.matcher.util.Parallel} holds the one
 * executor rule: parallel work runs in the {@link java.util.concurrent.ForkJoinPool} the caller runs in (the common
 * pool by default), so a caller bounds the threads of any call by making it from a pool of its own:
 * {@code new ForkJoinPool(2).submit(() -> matcher.score(left, right, candidates)).join()}.
 */
package dev.matcher.util;

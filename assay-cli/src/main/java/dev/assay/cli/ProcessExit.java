package dev.assay.cli;

/**
 * Whether the CLI may end by returning from {@code main}. {@code Runtime.exit} asks for a System.Logger
 * (JDK 21+ can log every exit), and finding the logger provider scans every jar on the class path: 40-60 ms
 * on each run. Returning ends the JVM as well, but only once no other non-daemon thread is alive, so this
 * checks that first; a thread some library left running falls back to {@code System.exit}.
 */
final class ProcessExit {
    private ProcessExit() {}

    static boolean otherThreadsKeepAlive() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        Thread current = Thread.currentThread();
        for (int i = 0; i < count; i++) {
            Thread thread = threads[i];
            if (thread != current && thread.isAlive() && !thread.isDaemon()) {
                return true;
            }
        }
        return count == threads.length; // more threads than room to list them: do not guess
    }
}

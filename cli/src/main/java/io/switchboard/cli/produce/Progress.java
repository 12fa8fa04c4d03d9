/*
 * Copyright 2026 The Switchboard authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.switchboard.cli.produce;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/**
 * The progress bar of a long {@code produce} on a terminal: messages sent so far and the rate, drawn by the
 * progressbar library on standard error, so receipts on standard output stay clean. Off when not on a terminal.
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** No bar. */
    static Progress off() {
        return new Progress(null);
    }

    /**
     * A bar on {@code to}.
     *
     * @param total the number of lines when known (a file), else -1 (standard input)
     */
    static Progress on(PrintStream to, long total) {
        return new Progress(new ProgressBarBuilder().setTaskName("sent").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" msg", 1)
                .setConsumer(new ConsoleProgressBarConsumer(to)).setUpdateIntervalMillis(200).build());
    }

    boolean shown() {
        return bar != null;
    }

    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}

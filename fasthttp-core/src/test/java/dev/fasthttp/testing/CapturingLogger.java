package dev.fasthttp.testing;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A {@link System.Logger} for {@link Server.Builder#logger} that keeps every record, so tests can check what was logged. */
public final class CapturingLogger implements System.Logger {

    public record Entry(Level level, String message, Throwable thrown) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        entries.add(new Entry(level, msg, thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        entries.add(new Entry(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params), null));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<Entry> entries(Level level) {
        return entries.stream().filter(e -> e.level() == level).toList();
    }

    public long count(Predicate<Entry> which) {
        return entries.stream().filter(which).count();
    }
}

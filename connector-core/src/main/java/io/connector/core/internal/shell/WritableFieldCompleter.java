package io.connector.core.internal.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.connector.api.store.FieldInfo;
import io.connector.api.store.FieldInfo.Types;
import io.connector.api.store.RecordStore;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code FIELD=} for the fields the record commands write, of the model given first on the line;
 * after a selection's {@code FIELD=}, its values. Nothing for an unknown model: a completer must
 * not fail while the operator is still typing.
 */
@Service
public class WritableFieldCompleter implements Completer {

    @Reference
    RecordStore store;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        Optional<ModelFields> fields = modelOf(commandLine).flatMap(model -> ModelFields.find(store, model));
        if (fields.isEmpty()) {
            return -1;
        }
        String word = commandLine.getCursorArgument() == null ? ""
                : commandLine.getCursorArgument().substring(0, commandLine.getArgumentPosition());
        int equals = word.indexOf('=');
        List<String> matching = new ArrayList<>();
        for (FieldInfo field : FieldAssignments.writable(fields.get())) {
            if (equals < 0) {
                // No space after it: the value follows.
                matching.add(field.name() + "=");
            } else if (field.name().equals(word.substring(0, equals)) && field.type().equals(Types.SELECTION)) {
                field.selection().forEach(value -> matching.add(field.name() + "=" + value + " "));
            }
        }
        matching.removeIf(candidate -> !candidate.startsWith(word));
        candidates.addAll(matching);
        return matching.isEmpty() ? -1 : commandLine.getBufferPosition() - commandLine.getArgumentPosition();
    }

    /** The first argument after the command's name: the record commands take no options before it. */
    private static Optional<String> modelOf(CommandLine commandLine) {
        return Arrays.stream(commandLine.getArguments()).skip(1).filter(argument -> !argument.startsWith("-")).findFirst();
    }
}

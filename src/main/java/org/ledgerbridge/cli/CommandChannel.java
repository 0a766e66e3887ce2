package org.ledgerbridge.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command passed to the LedgerBridge process that already runs on a data dir (`serve`), over the
 * Unix socket {@code commands.sock} in that data dir: the request (working folder, the few
 * environment values a command reads, arguments, standard input), then the answer as frames of
 * standard output and standard error, and the exit code last.
 */
final class CommandChannel {

    static final String SOCKET = "commands.sock";
    static final int VERSION = 1;
    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;

    /** The environment a command reads, besides its options: passed with the request, never the server's own. */
    static final Set<String> ENVIRONMENT = Set.of("LEDGERBRIDGE_ACTOR", "LEDGERBRIDGE_ZONE", "user.name", "client.pid", "terminal");

    /** The global options that take a value (CONTRACT.md): what follows them is never a command word. */
    static final Set<String> GLOBAL_OPTIONS_WITH_VALUE = Set.of("--as-of", "--data-dir", "--db-password", "--db-url", "--db-user",
            "--lock-wait", "--report");

    /** Commands the running process does not take: they start or stop processes, or work on another data dir. */
    static final Set<String> RUN_HERE = Set.of("serve", "db", "generate", "help");

    private CommandChannel() {
    }

    /** The command a command line names: its first word that is neither a global option nor an option's value; none after another option. */
    static java.util.Optional<String> commandWord(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (GLOBAL_OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (arg.startsWith("-")) {
                if (!arg.contains("=") || !GLOBAL_OPTIONS_WITH_VALUE.contains(arg.substring(0, arg.indexOf('=')))) {
                    return java.util.Optional.empty();
                }
            } else {
                return java.util.Optional.of(arg);
            }
        }
        return java.util.Optional.empty();
    }

    record Request(Path workingDir, Map<String, String> environment, List<String> args, byte[] stdin) {

        void write(DataOutputStream out) throws IOException {
            out.writeInt(VERSION);
            out.writeUTF(workingDir.toString());
            out.writeInt(environment.size());
            for (Map.Entry<String, String> e : environment.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(args.size());
            for (String arg : args) {
                out.writeUTF(arg);
            }
            out.writeInt(stdin.length);
            out.write(stdin);
            out.flush();
        }

        static Request read(DataInputStream in) throws IOException {
            if (in.readInt() != VERSION) {
                throw new IOException("a command from another version of LedgerBridge");
            }
            Path workingDir = Path.of(in.readUTF());
            Map<String, String> environment = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String key = in.readUTF();
                String value = in.readUTF();
                if (ENVIRONMENT.contains(key)) {
                    environment.put(key, value);
                }
            }
            List<String> args = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                args.add(in.readUTF());
            }
            int length = in.readInt();
            if (length < 0 || length > 1 << 20) {
                throw new IOException("standard input of a command over 1 MB");
            }
            byte[] stdin = in.readNBytes(length);
            return new Request(workingDir, environment, args, stdin);
        }
    }
}

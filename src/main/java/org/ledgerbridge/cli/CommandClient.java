package org.ledgerbridge.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The command line's fast path: when `serve` runs on the data dir, the command is passed to it and
 * runs there, in a process whose Java code and database connections are already warm; this
 * process only sends it and prints the answer. Anything else runs here, as before. Kept free of
 * picocli and Spring, which a passed command never loads.
 */
final class CommandClient {

    private CommandClient() {
    }

    /** The exit code of the command run by the process serving this data dir, or empty to run it here. */
    static OptionalInt tryRunning(String[] args, PrintStream out, PrintStream err) {
        if ("false".equals(System.getenv("LEDGERBRIDGE_PASS_COMMANDS"))) {
            return OptionalInt.empty();
        }
        List<String> request = new ArrayList<>();
        Path dataDir = null;
        String command = null;
        boolean external = notBlank(System.getenv("SPRING_DATASOURCE_URL"));
        boolean asOf = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.length ? args[i + 1] : null;
            boolean takesValue = !arg.contains("=");
            switch (option) {
                case "--data-dir" -> {
                    dataDir = value == null ? null : Path.of(value);
                    i += takesValue ? 1 : 0;
                    continue;
                }
                case "--db-url", "--db-user", "--db-password" -> {
                    external |= option.equals("--db-url");
                    i += takesValue ? 1 : 0;
                    request.add(arg);
                    if (takesValue && value != null) {
                        request.add(value);
                    }
                    continue;
                }
                case "--as-of", "--report", "--lock-wait" -> {
                    asOf |= option.equals("--as-of");
                    request.add(arg);
                    if (takesValue && value != null) {
                        request.add(value);
                        i++;
                    }
                    continue;
                }
                case "-h", "--help", "-V", "--version" -> {
                    return OptionalInt.empty();
                }
                default -> {
                    if (command == null && !arg.startsWith("-")) {
                        command = arg;
                    }
                    request.add(arg);
                }
            }
        }
        if (external || command == null || CommandChannel.RUN_HERE.contains(command)) {
            return OptionalInt.empty();
        }
        if (dataDir == null) {
            String fromEnvironment = System.getenv("LEDGERBRIDGE_DATA_DIR");
            dataDir = Path.of(notBlank(fromEnvironment) ? fromEnvironment : "./ledgerbridge-data");
        }
        Path socket = dataDir.resolve(CommandChannel.SOCKET);
        if (!Files.exists(socket)) {
            return OptionalInt.empty();
        }
        List<String> sent = new ArrayList<>(List.of("--data-dir", dataDir.toAbsolutePath().normalize().toString()));
        String asOfFromEnvironment = System.getenv("LEDGERBRIDGE_AS_OF");
        if (!asOf && notBlank(asOfFromEnvironment)) {
            sent.addAll(List.of("--as-of", asOfFromEnvironment));
        }
        sent.addAll(request);
        Map<String, String> environment = new LinkedHashMap<>();
        for (String key : CommandChannel.ENVIRONMENT) {
            String value = key.equals("terminal") ? String.valueOf(System.console() != null)
                    : key.equals("client.pid") ? String.valueOf(ProcessHandle.current().pid())
                    : key.equals("user.name") ? System.getProperty(key) : System.getenv(key);
            if (value != null) {
                environment.put(key, value);
            }
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | UnsupportedOperationException noServer) {
            return OptionalInt.empty(); // left by a server that was killed: run here
        }
        try (channel) {
            byte[] stdin = request.contains("--password-stdin") ? passwordInput() : new byte[0];
            DataOutputStream toServer = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            new CommandChannel.Request(Path.of("").toAbsolutePath(), environment, sent, stdin).write(toServer);
            DataInputStream answer = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            while (true) {
                byte kind = answer.readByte();
                if (kind == CommandChannel.EXIT) {
                    out.flush();
                    err.flush();
                    return OptionalInt.of(answer.readInt());
                }
                byte[] bytes = answer.readNBytes(answer.readInt());
                (kind == CommandChannel.OUT ? out : err).write(bytes);
                if (kind == CommandChannel.ERR) {
                    err.flush();
                }
            }
        } catch (IOException e) {
            err.println("error: the LedgerBridge process serving " + dataDir + " ended before answering: " + e.getMessage());
            return OptionalInt.of(LedgerBridgeCli.EXTERNAL_FAILURE);
        }
    }

    /** `--password-stdin`: on a terminal asked for without echo, here, as a local run does; else standard input as it is. */
    private static byte[] passwordInput() throws IOException {
        java.io.Console console = System.console();
        if (console != null) {
            char[] password = console.readPassword("Password: ");
            return password == null ? new byte[0] : (new String(password) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        return System.in.readNBytes(1 << 20);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}

package org.ledgerbridge.cli;

import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * `serve`'s side of {@link CommandClient}: commands passed over the data dir's socket run here,
 * each on a thread of its own, against the server's application; their output goes back as it is
 * written. The socket is the owner's only (mode 600), as the database password beside it.
 */
final class CommandServer implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommandServer.class);

    private final Path socket;
    private final ServerSocketChannel listening;
    private final ExecutorService commands = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ledgerbridge-command");
        thread.setDaemon(true);
        return thread;
    });
    private final ConfigurableApplicationContext application;

    private CommandServer(Path socket, ServerSocketChannel listening, ConfigurableApplicationContext application) {
        this.socket = socket;
        this.listening = listening;
        this.application = application;
    }

    /** Listens on the data dir's socket; fails when another process answers there already. */
    static CommandServer start(Path dataDir, ConfigurableApplicationContext application) throws IOException {
        Path socket = dataDir.toAbsolutePath().normalize().resolve(CommandChannel.SOCKET);
        if (ResidentProcess.answering(dataDir)) {
            throw new IOException("another LedgerBridge process runs the commands of " + dataDir);
        }
        Files.deleteIfExists(socket); // left by a server that was killed: nobody answers on it
        ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listening.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        CommandServer server = new CommandServer(socket, listening, application);
        Thread accepting = new Thread(server::accept, "ledgerbridge-commands");
        accepting.setDaemon(true);
        accepting.start();
        return server;
    }

    private void accept() {
        while (listening.isOpen()) {
            try {
                SocketChannel connection = listening.accept();
                commands.submit(() -> answer(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(SocketChannel connection) {
        try (connection) {
            CommandChannel.Request request = CommandChannel.Request.read(
                    new DataInputStream(new BufferedInputStream(Channels.newInputStream(connection))));
            DataOutputStream toClient = new DataOutputStream(Channels.newOutputStream(connection));
            PrintStream out = new PrintStream(new Frames(toClient, CommandChannel.OUT), false, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new Frames(toClient, CommandChannel.ERR), true, StandardCharsets.UTF_8);
            long started = System.nanoTime();
            int exit = LedgerBridgeCli.execute(request.args().toArray(String[]::new), new ByteArrayInputStream(request.stdin()), out, err,
                    new LedgerBridgeCli.Passed(request.workingDir(), request.environment(), application));
            out.flush();
            err.flush();
            LOG.info("ran {} for pid {}: exit {} in {} ms", command(request.args()), request.environment().get("client.pid"),
                    exit, (System.nanoTime() - started) / 1_000_000);
            synchronized (toClient) {
                toClient.writeByte(CommandChannel.EXIT);
                toClient.writeInt(exit);
                toClient.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (Ctrl-C): the command ran to its end or stopped at its own checks
            LOG.debug("a passed command ended without its client", e);
        }
    }

    /** The command word, for the log: never an option's value (a password, a path). */
    private static String command(java.util.List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (CommandChannel.GLOBAL_OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return "`" + arg + "`";
            }
        }
        return "a command";
    }

    @Override
    public void close() {
        try {
            listening.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot close " + socket + ": " + e.getMessage(), e);
        }
        commands.shutdown();
    }

    /** Bytes written to standard output or error, sent as frames of their kind. */
    private static final class Frames extends OutputStream {
        private final DataOutputStream client;
        private final byte kind;

        Frames(DataOutputStream client, byte kind) {
            this.client = client;
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            synchronized (client) {
                client.writeByte(kind);
                client.writeInt(length);
                client.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (client) {
                client.flush();
            }
        }
    }
}

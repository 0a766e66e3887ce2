package org.ledgerbridge;

import org.junit.jupiter.api.Test;
import org.ledgerbridge.ledger.ErrorCode;
import org.springframework.modulith.ApplicationModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal and warning code is a constant of its module's one enum of codes, each constant says
 * what it means in its comment, and docs/error-codes.md is the list written from them: the code, its
 * meaning, the classes that raise it and the message it is raised with.
 */
class ErrorCodesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path DOCUMENT = Path.of("docs/error-codes.md");

    /** One code of the product, as the document lists it. */
    record Code(String name, String meaning, List<String> raisedIn, String example) {
    }

    @Test
    void each_module_keeps_its_codes_in_one_enum() {
        Map<String, List<String>> enumsByModule = new TreeMap<>();
        codeEnums().forEach(type -> enumsByModule.computeIfAbsent(module(type), m -> new ArrayList<>()).add(type.getSimpleName()));
        assertThat(enumsByModule).isNotEmpty().allSatisfy((module, enums) -> assertThat(enums).as(module).hasSize(1));
    }

    @Test
    void every_code_says_what_it_means_and_is_raised_somewhere() {
        for (Class<?> type : codeEnums()) {
            Map<String, String> meanings = meanings(type);
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                assertThat(meanings.get(name)).as(type.getSimpleName() + "." + name + " has a comment saying what it means").isNotBlank();
                assertThat(raisedIn(type, name)).as(type.getSimpleName() + "." + name + " is named by some class").isNotEmpty();
            }
        }
    }

    @Test
    void the_list_of_error_codes_is_the_one_written_from_the_enums() throws IOException {
        String now = document();
        if (Boolean.getBoolean("errorcodes.write")) {
            Files.writeString(DOCUMENT, now);
        }
        assertThat(DOCUMENT).as("docs/error-codes.md is missing: run this test with -Derrorcodes.write=true and commit it").exists();
        assertThat(Files.readString(DOCUMENT)).as("docs/error-codes.md is out of date: run this test with -Derrorcodes.write=true and commit it")
                .isEqualTo(now);
    }

    @Test
    void an_example_message_is_the_literal_text_of_the_raising_call_with_its_values_left_out() {
        String source = """
                errors.error(column, ImportRule.VALUE_TOO_LONG, column + " has " + value.length() + " characters; at most "
                        + maxLength + " are \\"allowed\\"");""";
        assertThat(example(source, "ImportRule.VALUE_TOO_LONG")).isEqualTo("… has … characters; at most … are \"allowed\"");
        assertThat(example("return new Refused(PostingRule.BATCH_EMPTY, id, \"batch \" + id + \" holds no journal\");", "PostingRule.BATCH_EMPTY"))
                .isEqualTo("batch … holds no journal");
        assertThat(example("problems.errorAt(0, null, ImportRule.NO_DATA_ROWS, e.getMessage());", "ImportRule.NO_DATA_ROWS")).isEqualTo("…");
    }

    static String document() {
        StringBuilder out = new StringBuilder("""
                # Error codes

                Every refusal and warning LedgerBridge gives carries a stable code: in import reports (with its row and
                column), in the API's problem details (`code`), in the command line's `refused: CODE: message` and
                `--report json`. Scripts may rely on the codes; the messages are for people and may change.

                Each module keeps its codes in one enum; this file is written from them by `ErrorCodesTest`
                (`mvn test -Dtest=ErrorCodesTest -Derrorcodes.write=true`), which fails when it is out of date.
                A code some modules share (`UNKNOWN_ENTITY`, say) is listed under each module that raises it.
                "Named in" lists the classes that raise the code (or act on it); in the example messages, `…` stands
                for a value of the row or request.
                """);
        for (Class<?> type : codeEnums()) {
            out.append("\n## ").append(moduleName(type)).append(" (`").append(type.getName()).append("`)\n\n");
            out.append("| Code | Meaning | Named in | Example message |\n|---|---|---|---|\n");
            for (Code code : codes(type)) {
                out.append("| `").append(code.name()).append("` | ").append(cell(code.meaning())).append(" | ")
                        .append(String.join(", ", code.raisedIn())).append(" | ")
                        .append(code.example().isEmpty() ? "" : cell(code.example())).append(" |\n");
            }
        }
        return out.toString();
    }

    static List<Code> codes(Class<?> type) {
        Map<String, String> meanings = meanings(type);
        List<Code> codes = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            Map<String, String> raisedIn = raisedIn(type, name);
            codes.add(new Code(name, meanings.getOrDefault(name, ""), List.copyOf(raisedIn.keySet()),
                    raisedIn.values().stream().map(source -> example(source, type, name)).flatMap(Optional::stream)
                            .findFirst().orElse("")));
        }
        return codes;
    }

    /** The enums of codes, ordered by module then name. */
    static List<Class<?>> codeEnums() {
        try (Stream<Path> files = Files.walk(CLASSES.resolve("org/ledgerbridge"))) {
            return files.map(f -> CLASSES.relativize(f).toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .<Class<?>>map(ErrorCodesTest::load)
                    .filter(type -> type.isEnum() && ErrorCode.class.isAssignableFrom(type))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ErrorCodesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String module(Class<?> type) {
        return type.getPackageName().replace("org.ledgerbridge.", "").split("\\.")[0];
    }

    private static String moduleName(Class<?> type) {
        Package base = load("org.ledgerbridge." + module(type) + ".package-info").getPackage();
        ApplicationModule declared = base.getAnnotation(ApplicationModule.class);
        return declared == null || declared.displayName().isEmpty() ? module(type) : declared.displayName();
    }

    /** Each constant's comment, from the enum's source. */
    static Map<String, String> meanings(Class<?> type) {
        Matcher constant = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*([A-Z][A-Z0-9_]*)\\s*[,;]?\\s*\\n", Pattern.DOTALL).matcher(source(type));
        Map<String, String> meanings = new LinkedHashMap<>();
        while (constant.find()) {
            meanings.put(constant.group(2), constant.group(1).replaceAll("\\s*\\n\\s*\\*?", " ").strip());
        }
        return meanings;
    }

    /** The classes that name the constant, each with its source; the enum itself not counted. */
    static Map<String, String> raisedIn(Class<?> type, String name) {
        Map<String, String> classes = new TreeMap<>();
        Pattern qualified = Pattern.compile("\\b" + type.getSimpleName() + "\\." + name + "\\b");
        Pattern bare = Pattern.compile("(?<![.\\w])" + name + "\\b");
        String staticImport = "import static " + type.getName() + ".*;";
        for (MainSource main : MAIN_SOURCES) {
            Path file = main.file();
            String source = main.text();
            String className = file.getFileName().toString().replace(".java", "");
            if (className.equals(type.getSimpleName())) {
                continue;
            }
            boolean samePackage = file.getParent().equals(SOURCES.resolve(type.getPackageName().replace('.', '/')));
            boolean imported = samePackage || source.contains("import " + type.getName() + ";") || source.contains(type.getName() + "." + name);
            if ((imported && qualified.matcher(source).find()) || (source.contains(staticImport) && bare.matcher(withoutStrings(source)).find())) {
                classes.put(className, source);
            }
        }
        return classes;
    }

    private static Optional<String> example(String source, Class<?> type, String name) {
        String reference = source.contains(type.getSimpleName() + "." + name) ? type.getSimpleName() + "." + name : name;
        Matcher at = Pattern.compile("(?<![.\\w])" + Pattern.quote(reference) + "\\b").matcher(source);
        while (at.find()) {
            String example = example(source.substring(at.start()), reference);
            if (!example.isEmpty() && !example.equals("…")) {
                return Optional.of(example);
            }
        }
        return Optional.empty();
    }

    /**
     * The message of the call that names {@code reference}: the last argument after it that holds
     * string literals joined with {@code +}, each other operand shown as "…"; empty when nothing follows.
     */
    static String example(String call, String reference) {
        int i = call.indexOf(reference) + reference.length();
        // the message is the last argument that holds a string literal, in the same call
        List<String> arguments = new ArrayList<>(arguments(call.substring(i)));
        java.util.Collections.reverse(arguments);
        for (String argument : arguments) {
            if (argument.contains("\"")) {
                StringBuilder text = new StringBuilder();
                for (String operand : split(argument, '+')) {
                    String o = operand.strip();
                    if (o.matches("\"(?:\\\\.|[^\"\\\\])*\"")) {
                        text.append(o, 1, o.length() - 1);
                    } else if (!text.toString().endsWith("…")) {
                        text.append("…");
                    }
                }
                return text.toString().replace("\\\"", "\"").replace("\\\\", "\\").replace("\\n", " ");
            }
        }
        return arguments.isEmpty() ? "" : "…";
    }

    /** The arguments that follow a reference inside its call, up to the call's closing parenthesis. */
    private static List<String> arguments(String rest) {
        List<String> parts = split(rest, ',');
        // what stands between the reference and the first comma is the reference's own expression, not an argument
        return rest.strip().startsWith(",") ? parts : parts.subList(Math.min(1, parts.size()), parts.size());
    }

    /** Splits at a separator outside string literals and parentheses, up to an unmatched ')' or ';'. */
    private static List<String> split(String expression, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (inString) {
                if (c == '\\') {
                    current.append(c).append(expression.charAt(++i));
                    continue;
                }
                inString = c != '"';
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if ((c == ')' || c == ';') && depth == 0) {
                break;
            } else if (c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(current.toString());
                current = new StringBuilder();
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }

    private static String withoutStrings(String source) {
        return source.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String source(Class<?> type) {
        return read(SOURCES.resolve(type.getName().replace('.', '/') + ".java"));
    }

    /** A source file of the product, read once for every constant looked for. */
    private record MainSource(Path file, String text) {
    }

    private static final List<MainSource> MAIN_SOURCES = mainSources();

    private static List<MainSource> mainSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted()
                    .map(f -> new MainSource(f, read(f))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

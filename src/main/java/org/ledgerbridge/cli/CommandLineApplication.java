package org.ledgerbridge.cli;

import org.ledgerbridge.LedgerBridgeApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.aot.AotDetector;
import org.springframework.context.aot.AotApplicationContextInitializer;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Spring application of a command other than `serve`: the services over the database and
 * its schema, without the web UI, REST API, security filters, actuator, metrics and validation
 * that the server adds. Their configuration alone was half of a small command's start-up. The
 * schema is brought up to date by {@link org.ledgerbridge.storage.LedgerSchema} once the database is up.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = LedgerBridgeApplication.class, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.ledgerbridge\\.(web|api|cli)\\..*"),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = LedgerBridgeApplication.class)})
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class})
public class CommandLineApplication {

    /**
     * A command shows no translated messages. Without a bean of this name Spring makes one whose
     * class lists every locale of the JVM when it loads (about a twentieth of a second).
     */
    @org.springframework.context.annotation.Bean
    static org.springframework.context.MessageSource messageSource() {
        return new NoMessages();
    }

    static final class NoMessages implements org.springframework.context.MessageSource {
        @Override
        public String getMessage(String code, Object[] args, String defaultMessage, java.util.Locale locale) {
            return defaultMessage;
        }

        @Override
        public String getMessage(String code, Object[] args, java.util.Locale locale) {
            throw new org.springframework.context.NoSuchMessageException(code, locale);
        }

        @Override
        public String getMessage(org.springframework.context.MessageSourceResolvable resolvable, java.util.Locale locale) {
            if (resolvable.getDefaultMessage() != null) {
                return resolvable.getDefaultMessage();
            }
            String[] codes = resolvable.getCodes();
            throw new org.springframework.context.NoSuchMessageException(codes != null && codes.length > 0 ? codes[0] : "", locale);
        }
    }

    /** Builds the application without starting it: the build's ahead-of-time processing runs this (see pom.xml). */
    public static void main(String[] args) {
        application().run("--spring.datasource.url=jdbc:postgresql://localhost/ahead-of-time");
    }

    /** Set by {@link Main}: this process is a command's own, so its Spring application may be the one prepared at build time. */
    static volatile boolean ownProcess;

    /**
     * In a command's own process, the application's bean definitions come from the code the build
     * generated (about half of its start-up otherwise: configuration classes, component scan and
     * conditions). Not in tests, where other applications share the JVM and Spring's switch is global.
     */
    static void useBuildTimePreparation() {
        if (ownProcess && ClassUtils.isPresent(CommandLineApplication.class.getName() + "__ApplicationContextInitializer", null)) {
            System.setProperty("spring.aot.enabled", "true");
        }
    }

    /** The commands that open the ledger: their own process builds the application while picocli reads the arguments. */
    private static final Set<String> OPEN_THE_LEDGER = Set.of("batch", "check", "documents", "export", "gl", "import",
            "mapping", "migration-mode", "period", "report", "setting", "user");

    private static CompletableFuture<ConfigurableApplicationContext> built;

    /**
     * In a command's own process, for a command that opens the ledger, starts building the
     * application on a thread of its own: it needs nothing from the arguments (the command's
     * settings and the connection are added when the ledger starts), and picocli takes a fifth of
     * a second to read them.
     */
    static synchronized void buildEarly(String[] args) {
        if (ownProcess && CommandChannel.commandWord(args).filter(OPEN_THE_LEDGER::contains).isPresent()) {
            useBuildTimePreparation();
            built = CompletableFuture.supplyAsync(CommandLineApplication::context, task -> {
                Thread thread = new Thread(task, "spring-application");
                thread.setDaemon(true); // a usage error exits without it
                thread.start();
            });
        }
    }

    /** The application: the one built early if there is one, else built now. */
    static synchronized ConfigurableApplicationContext build() {
        if (built == null) {
            useBuildTimePreparation();
            return context();
        }
        CompletableFuture<ConfigurableApplicationContext> early = built;
        built = null;
        try {
            return early.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The application for the build's ahead-of-time processing (which records what a
     * SpringApplication run registers): Spring Boot's conditions are evaluated there, once.
     */
    private static SpringApplication application() {
        SpringApplication application = new SpringApplication(CommandLineApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setMainApplicationClass(CommandLineApplication.class); // names the generated code
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        return application;
    }

    /**
     * The application at run time, without SpringApplication's start-up (config-data processing,
     * profiles, logging set-up, listeners: a third of a second here, for settings a command reads
     * from one place): the environment is the JVM's system properties, then the environment
     * variables, then application.properties; the beans are those the build generated
     * ({@link #useBuildTimePreparation}) or, in tests, those the annotations above declare. All lazy:
     * a command uses a few services and builds only those it asks for.
     */
    private static ConfigurableApplicationContext context() {
        GenericApplicationContext context;
        if (AotDetector.useGeneratedArtifacts()) {
            context = new GenericApplicationContext();
            AotApplicationContextInitializer.forInitializerClasses(CommandLineApplication.class.getName() + "__ApplicationContextInitializer")
                    .initialize(context);
        } else {
            AnnotationConfigApplicationContext annotated = new AnnotationConfigApplicationContext();
            annotated.register(CommandLineApplication.class);
            context = annotated;
        }
        ConfigurableEnvironment environment = context.getEnvironment();
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("application.properties", "classpath:application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigurationPropertySources.attach(environment); // relaxed names: SPRING_DATASOURCE_URL is spring.datasource.url
        environment.setConversionService(new ApplicationConversionService());
        context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
        context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
        context.refresh();
        return context;
    }
}

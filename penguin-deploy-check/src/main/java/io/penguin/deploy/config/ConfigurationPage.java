package io.penguin.deploy.config;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.smallrye.config.ConfigMapping.NamingStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generates the property tables of {@code docs/configuration.md} from the platform's {@code @ConfigMapping}
 * interfaces: one table per mapping, one row per property, with its type, default and the method's doc comment. The
 * sources are parsed with the JDK's own compiler API (no compilation, no class path); property names follow
 * SmallRye Config's own kebab-case strategy, so a name on the page is the name the service reads.
 */
public final class ConfigurationPage {

    public static final String BEGIN = "<!-- generated from the @ConfigMapping interfaces: do not edit by hand -->";
    public static final String END = "<!-- end of generated section -->";

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain)\\s+([^}]*)}");

    /** One property of a mapping. */
    public record Property(String name, String type, String defaultValue, String meaning) {}

    /** One {@code @ConfigMapping} interface and its properties. */
    public record Mapping(String prefix, String module, String type, String meaning, List<Property> properties) {}

    private ConfigurationPage() {}

    /** The mappings declared under {@code <root>/<module>/src/main/java}, by prefix. */
    public static List<Mapping> mappings(Path root) {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root, 12)) {
            sources = files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("/src/main/java/"))
                    .filter(path -> !path.toString().contains("/target/"))
                    .filter(ConfigurationPage::declaresMapping)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Mapping> mappings = new ArrayList<>();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files =
                compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null, units);
            Trees trees = Trees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                String module = module(root, Path.of(unit.getSourceFile().toUri()));
                for (Tree declaration : unit.getTypeDecls()) {
                    if (declaration instanceof ClassTree type) {
                        annotation(type.getModifiers().getAnnotations(), "ConfigMapping")
                                .flatMap(mapping -> attribute(mapping, "prefix"))
                                .ifPresent(prefix -> mappings.add(new Mapping(
                                        prefix,
                                        module,
                                        type.getSimpleName().toString(),
                                        sentence(trees.getDocComment(TreePath.getPath(unit, type))),
                                        properties(trees, unit, type, type, prefix))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mappings.sort(Comparator.comparing(Mapping::prefix));
        return mappings;
    }

    /** The page's generated section: a heading and a table per mapping. */
    public static String render(List<Mapping> mappings) {
        StringBuilder out = new StringBuilder(BEGIN).append("\n");
        for (Mapping mapping : mappings) {
            out.append("\n### `").append(mapping.prefix()).append("`\n\n");
            out.append("`").append(mapping.type()).append("` in ").append(mapping.module());
            if (!mapping.meaning().isEmpty()) {
                out.append(": ").append(mapping.meaning());
            }
            out.append("\n\n| property | type | default | meaning |\n|---|---|---|---|\n");
            for (Property property : mapping.properties()) {
                out.append("| `")
                        .append(property.name())
                        .append("` | ")
                        .append(cell(property.type()))
                        .append(" | ")
                        .append(property.defaultValue())
                        .append(" | ")
                        .append(cell(property.meaning()))
                        .append(" |\n");
            }
        }
        return out.append("\n").append(END).toString();
    }

    /** The page with its generated section replaced by {@code section}. */
    public static String replaceSection(String page, String section) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the page has no generated section (" + BEGIN + " ... " + END + ")");
        }
        return page.substring(0, begin) + section + page.substring(end + END.length());
    }

    /** The page's generated section as it stands. */
    public static String section(String page) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the page has no generated section (" + BEGIN + " ... " + END + ")");
        }
        return page.substring(begin, end + END.length());
    }

    /**
     * @param top the mapping's top-level interface, in which every group interface is declared (at any depth)
     * @param type the interface whose methods are read
     */
    private static List<Property> properties(
            Trees trees, CompilationUnitTree unit, ClassTree top, ClassTree type, String prefix) {
        List<Property> properties = new ArrayList<>();
        for (Tree member : type.getMembers()) {
            if (!(member instanceof MethodTree method)
                    || !method.getParameters().isEmpty()
                    || method.getBody() != null
                    || method.getReturnType() == null) {
                continue;
            }
            List<? extends AnnotationTree> annotations = method.getModifiers().getAnnotations();
            String name = annotation(annotations, "WithName")
                    .flatMap(with -> attribute(with, "value"))
                    .orElseGet(() ->
                            NamingStrategy.KEBAB_CASE.apply(method.getName().toString()));
            String meaning = sentence(trees.getDocComment(TreePath.getPath(unit, method)));
            Tree returned = method.getReturnType();
            Optional<ClassTree> group = nested(top, simpleName(returned));
            Optional<ClassTree> mapped = mapValue(returned).flatMap(value -> nested(top, value));
            if (group.isPresent()) {
                properties.addAll(properties(trees, unit, top, group.get(), prefix + "." + name));
            } else if (mapped.isPresent()) {
                properties.addAll(properties(trees, unit, top, mapped.get(), prefix + "." + name + ".<name>"));
            } else {
                Optional<String> defaultValue =
                        annotation(annotations, "WithDefault").flatMap(with -> attribute(with, "value"));
                String typeName = returned.toString();
                boolean optional = typeName.startsWith("Optional");
                properties.add(new Property(
                        prefix + "." + name,
                        unwrapped(typeName),
                        defaultValue
                                .map(value -> value.isEmpty() ? "(empty)" : "`" + value + "`")
                                .orElse(optional ? "unset" : "required"),
                        meaning));
            }
        }
        return properties;
    }

    /** The interface of that simple name declared anywhere inside {@code type}. */
    private static Optional<ClassTree> nested(ClassTree type, String simpleName) {
        for (Tree member : type.getMembers()) {
            if (member instanceof ClassTree nested) {
                if (nested.getSimpleName().contentEquals(simpleName)) {
                    return Optional.of(nested);
                }
                Optional<ClassTree> deeper = nested(nested, simpleName);
                if (deeper.isPresent()) {
                    return deeper;
                }
            }
        }
        return Optional.empty();
    }

    /** The value type of a {@code Map<String, V>}, if the type is one. */
    private static Optional<String> mapValue(Tree type) {
        if (type instanceof ParameterizedTypeTree parameterized
                && simpleName(parameterized.getType()).equals("Map")
                && parameterized.getTypeArguments().size() == 2) {
            return Optional.of(simpleName(parameterized.getTypeArguments().get(1)));
        }
        return Optional.empty();
    }

    private static String simpleName(Tree type) {
        String text = type.toString();
        int generic = text.indexOf('<');
        String raw = generic < 0 ? text : text.substring(0, generic);
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    /** {@code Optional<java.nio.file.Path>} as {@code Path}, {@code OptionalInt} as {@code int}. */
    private static String unwrapped(String type) {
        String plain = type.replaceAll("[a-z]+(\\.[a-z]+)*\\.([A-Z])", "$2");
        if (plain.startsWith("Optional<") && plain.endsWith(">")) {
            return plain.substring("Optional<".length(), plain.length() - 1);
        }
        return switch (plain) {
            case "OptionalInt" -> "int";
            case "OptionalLong" -> "long";
            case "OptionalDouble" -> "double";
            default -> plain;
        };
    }

    private static Optional<AnnotationTree> annotation(List<? extends AnnotationTree> annotations, String simpleName) {
        return annotations.stream()
                .filter(annotation -> simpleName(annotation.getAnnotationType()).equals(simpleName))
                .map(AnnotationTree.class::cast)
                .findFirst();
    }

    private static Optional<String> attribute(AnnotationTree annotation, String name) {
        for (ExpressionTree argument : annotation.getArguments()) {
            if (argument instanceof AssignmentTree assignment) {
                if (assignment.getVariable().toString().equals(name)
                        && assignment.getExpression() instanceof LiteralTree literal) {
                    return Optional.of(String.valueOf(literal.getValue()));
                }
            } else if (name.equals("value") && argument instanceof LiteralTree literal) {
                return Optional.of(String.valueOf(literal.getValue()));
            }
        }
        return Optional.empty();
    }

    /** A doc comment as one Markdown line: inline tags as code, whitespace collapsed, block tags dropped. */
    static String sentence(String docComment) {
        if (docComment == null) {
            return "";
        }
        String text = docComment.split("\\n\\s*@", 2)[0];
        Matcher tags = INLINE_TAG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (tags.find()) {
            String content = tags.group(1).trim();
            int hash = content.indexOf('#');
            if (hash >= 0 && tags.group().startsWith("{@link")) {
                content = content.substring(hash + 1);
            }
            tags.appendReplacement(out, Matcher.quoteReplacement("`" + content + "`"));
        }
        tags.appendTail(out);
        return out.toString().replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static boolean declaresMapping(Path path) {
        try {
            return Files.readString(path).contains("@ConfigMapping(");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String module(Path root, Path source) {
        return root.toAbsolutePath()
                .normalize()
                .relativize(source.toAbsolutePath().normalize())
                .getName(0)
                .toString();
    }
}

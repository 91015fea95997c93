package com.propertyservice.advisor.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullUnmarked;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The second gate of the rule sandbox: every class the executable model generated from the rule
 * files (constraints, consequences, the rule definitions with their attributes and metadata, the
 * project model) is read as bytecode before any of it is loaded, and refused unless it keeps to
 * the {@link AllowList}, has no loop (a backward jump) and no recursion. Code that passes runs in
 * a time bounded by its own length; the engine's time budget covers what is left (the number of
 * firings). Nothing in a class is run by this check.
 */
@NullUnmarked // nullness not yet spelled out here: null is a value in places (see the Javadoc)
final class BytecodePolicy {

    /** Array sizes above this are refused: a rule has no use for a big array, and a huge one exhausts the heap. */
    static final int MAX_ARRAY = 1_024;

    /** What compiled rule code may not do, each with the message that says so. */
    enum Kind {
        CALL("call"),
        READ("read"),
        WRITE("write"),
        TYPE("type"),
        CLASS_LITERAL("class-literal"),
        METHOD_REFERENCE("method-reference"),
        EXTENDS("extends"),
        FINALIZER("finalizer"),
        SYNCHRONIZED("synchronized"),
        MONITOR("monitor"),
        MULTI_ARRAY("multi-array"),
        ARRAY_SIZE("array-size"),
        LOOP("loop"),
        RECURSION("recursion");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /**
     * Something compiled rule code may not do: its kind, what it names (a member, a type; may be
     * empty), and the rules whose code it is (empty for shared scaffolding).
     */
    record Violation(String className, String method, Kind kind, String subject, Set<String> rules) {

        /** What the code does, for a trainer ("calls java.lang.Runtime.exec(...)"). */
        Text what() {
            return Text.of("sandbox." + kind.key, kind == Kind.ARRAY_SIZE ? String.valueOf(MAX_ARRAY) : subject);
        }
    }

    private final Map<String, ClassNode> classes = new LinkedHashMap<>();
    private final Map<String, Set<String>> rulesOfClass = new HashMap<>();
    private final Map<String, String> ruleOfMethod = new HashMap<>();
    private final List<Violation> violations = new ArrayList<>();

    private BytecodePolicy(Map<String, byte[]> classFiles) {
        classFiles.forEach((name, bytes) -> {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG);
            classes.put(node.name, node);
        });
    }

    /**
     * Checks the generated classes ({@code .class} file names with their bytes).
     *
     * @return what is not allowed, empty when every class keeps to the policy
     */
    static List<Violation> check(Map<String, byte[]> classFiles) {
        BytecodePolicy policy = new BytecodePolicy(classFiles);
        policy.attribute();
        policy.classes.values().forEach(policy::checkClass);
        policy.checkRecursion();
        return List.copyOf(policy.violations);
    }

    /**
     * Which rule each piece of code belongs to: the executable model writes one method per rule
     * ({@code D.rule(package, name)} with its constraints and consequence as lambda classes), so a
     * lambda class belongs to the rules whose methods use it.
     */
    private void attribute() {
        for (ClassNode node : classes.values()) {
            for (MethodNode method : node.methods) {
                String lastString = null;
                String rule = null;
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
                        lastString = s;
                    } else if (insn instanceof MethodInsnNode call
                            && call.owner.equals("org/drools/modelcompiler/dsl/pattern/D")
                            && call.name.equals("rule")
                            && rule == null) {
                        rule = lastString;
                    }
                }
                if (rule == null) {
                    continue;
                }
                ruleOfMethod.put(node.name + "." + method.name, rule);
                for (AbstractInsnNode insn : method.instructions) {
                    String used = insn instanceof FieldInsnNode field
                            ? field.owner
                            : insn instanceof MethodInsnNode call
                                    ? call.owner
                                    : insn instanceof TypeInsnNode type ? type.desc : null;
                    if (used != null && classes.containsKey(used)) {
                        rulesOfClass.computeIfAbsent(used, c -> new TreeSet<>()).add(rule);
                    }
                }
            }
        }
    }

    private void checkClass(ClassNode node) {
        for (String parent : parents(node)) {
            if (!classes.containsKey(parent)
                    && !AllowList.allowsType(parent)
                    && !parent.equals("java/lang/Enum")
                    && !parent.equals("java/lang/Object")
                    && !parent.startsWith("org/drools/model/functions/")) {
                violate(node, null, Kind.EXTENDS, readable(parent));
            }
        }
        for (MethodNode method : node.methods) {
            if (method.name.equals("finalize")) {
                violate(node, method, Kind.FINALIZER, "");
            }
            if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                violate(node, method, Kind.SYNCHRONIZED, "");
            }
            checkMethod(node, method);
        }
    }

    private static List<String> parents(ClassNode node) {
        List<String> parents = new ArrayList<>(node.interfaces);
        if (node.superName != null) {
            parents.add(node.superName);
        }
        return parents;
    }

    private void checkMethod(ClassNode node, MethodNode method) {
        Map<LabelNode, Integer> labels = new HashMap<>();
        AbstractInsnNode[] insns = method.instructions.toArray();
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] instanceof LabelNode label) {
                labels.put(label, i);
            }
        }
        for (int i = 0; i < insns.length; i++) {
            AbstractInsnNode insn = insns[i];
            if (insn instanceof MethodInsnNode call) {
                boolean allowed = call.name.equals("<init>")
                        ? AllowList.allowsConstructor(call.owner, call.desc)
                        : AllowList.allows(call.owner, call.name);
                if (!own(call.owner) && !allowed) {
                    violate(node, method, Kind.CALL, readable(call.owner) + "." + call.name);
                }
            } else if (insn instanceof FieldInsnNode field) {
                boolean write = field.getOpcode() == Opcodes.PUTSTATIC || field.getOpcode() == Opcodes.PUTFIELD;
                if (!own(field.owner) && (write || !AllowList.allows(field.owner, field.name))) {
                    violate(node, method, write ? Kind.WRITE : Kind.READ, readable(field.owner) + "." + field.name);
                }
            } else if (insn instanceof TypeInsnNode type) {
                if (!own(type.desc) && !AllowList.allowsType(type.desc)) {
                    violate(node, method, Kind.TYPE, readable(type.desc));
                }
                if (type.getOpcode() == Opcodes.ANEWARRAY) {
                    checkArraySize(node, method, insns, i);
                }
            } else if (insn.getOpcode() == Opcodes.NEWARRAY) {
                checkArraySize(node, method, insns, i);
            } else if (insn instanceof MultiANewArrayInsnNode) {
                violate(node, method, Kind.MULTI_ARRAY, "");
            } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Type literal) {
                String name = literal.getSort() == Type.OBJECT ? literal.getInternalName() : literal.getDescriptor();
                if (!own(name) && !AllowList.allowsType(name)) {
                    violate(node, method, Kind.CLASS_LITERAL, readable(name));
                }
            } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Handle handle) {
                checkHandle(node, method, handle);
            } else if (insn instanceof InvokeDynamicInsnNode dynamic) {
                checkHandle(node, method, dynamic.bsm);
                for (Object argument : dynamic.bsmArgs) {
                    if (argument instanceof Handle handle) {
                        checkHandle(node, method, handle);
                    }
                }
            } else if (insn instanceof JumpInsnNode jump && labels.get(jump.label) < i
                    || insn instanceof TableSwitchInsnNode table && backward(labels, i, table.dflt, table.labels)
                    || insn instanceof LookupSwitchInsnNode lookup && backward(labels, i, lookup.dflt, lookup.labels)) {
                violate(node, method, Kind.LOOP, "");
            } else if (insn.getOpcode() == Opcodes.MONITORENTER) {
                violate(node, method, Kind.MONITOR, "");
            }
        }
    }

    private static boolean backward(
            Map<LabelNode, Integer> labels, int at, LabelNode fallback, List<LabelNode> targets) {
        return labels.get(fallback) < at || targets.stream().anyMatch(l -> labels.get(l) < at);
    }

    /** A method handle (a lambda's target, a bootstrap) is a call like any other. */
    private void checkHandle(ClassNode node, MethodNode method, Handle handle) {
        boolean allowed = handle.getName().equals("<init>")
                ? AllowList.allowsConstructor(handle.getOwner(), handle.getDesc())
                : AllowList.allows(handle.getOwner(), handle.getName());
        if (!own(handle.getOwner()) && !allowed) {
            violate(node, method, Kind.METHOD_REFERENCE, readable(handle.getOwner()) + "." + handle.getName());
        }
    }

    /**
     * An array is allowed only with a small constant size pushed just before it is created, or with
     * the length of an array that exists already (the generated enums copy their values that way),
     * read just before or stored in a local straight from {@code arraylength} on the only path there.
     */
    private void checkArraySize(ClassNode node, MethodNode method, AbstractInsnNode[] insns, int at) {
        int pushed = at - 1;
        while (pushed > 1
                && insns[pushed].getOpcode() == Opcodes.ISTORE
                && insns[pushed - 1].getOpcode() == Opcodes.DUP) {
            pushed -= 2; // "dup; istore n" keeps a copy of the size in a local and leaves it on the stack
        }
        AbstractInsnNode size = pushed >= 0 ? insns[pushed] : null;
        if (size != null
                && (size.getOpcode() == Opcodes.ARRAYLENGTH
                        || size instanceof VarInsnNode load
                                && load.getOpcode() == Opcodes.ILOAD
                                && storedFromArrayLength(insns, pushed, load.var))) {
            return;
        }
        Integer constant = null;
        if (size != null && size.getOpcode() >= Opcodes.ICONST_0 && size.getOpcode() <= Opcodes.ICONST_5) {
            constant = size.getOpcode() - Opcodes.ICONST_0;
        } else if (size instanceof IntInsnNode push
                && (push.getOpcode() == Opcodes.BIPUSH || push.getOpcode() == Opcodes.SIPUSH)) {
            constant = push.operand;
        }
        if (constant == null || constant > MAX_ARRAY) {
            violate(node, method, Kind.ARRAY_SIZE, "");
        }
    }

    /** Whether the last store to an int local before {@code at} took an array's length, with no jump target in between. */
    private static boolean storedFromArrayLength(AbstractInsnNode[] insns, int at, int var) {
        for (int i = at - 1; i > 0; i--) {
            if (insns[i] instanceof LabelNode || insns[i] instanceof FrameNode) {
                return false; // a merge point: another path may have stored something else
            }
            if (insns[i] instanceof VarInsnNode store && store.getOpcode() == Opcodes.ISTORE && store.var == var) {
                return insns[i - 1].getOpcode() == Opcodes.ARRAYLENGTH;
            }
        }
        return false;
    }

    /** A call cycle among the generated methods (a function calling itself, directly or not) could run without end. */
    private void checkRecursion() {
        Map<String, Set<String>> calls = new HashMap<>();
        for (ClassNode node : classes.values()) {
            for (MethodNode method : node.methods) {
                Set<String> callees =
                        calls.computeIfAbsent(node.name + "." + method.name + method.desc, m -> new HashSet<>());
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof MethodInsnNode call && own(call.owner)) {
                        callees.add(call.owner + "." + call.name + call.desc);
                    } else if (insn instanceof InvokeDynamicInsnNode dynamic) {
                        for (Object argument : dynamic.bsmArgs) {
                            if (argument instanceof Handle handle && own(handle.getOwner())) {
                                callees.add(handle.getOwner() + "." + handle.getName() + handle.getDesc());
                            }
                        }
                    }
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (String start : calls.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            String cycle = findCycle(start, calls, path, new HashSet<>(), done);
            if (cycle != null) {
                String owner = cycle.substring(0, cycle.lastIndexOf('.', cycle.indexOf('(')));
                String name = cycle.substring(owner.length() + 1, cycle.indexOf('('));
                ClassNode node = classes.get(owner);
                MethodNode method = node.methods.stream()
                        .filter(m -> m.name.equals(name))
                        .findFirst()
                        .orElse(null);
                violate(node, method, Kind.RECURSION, name);
                return;
            }
        }
    }

    private static String findCycle(
            String at, Map<String, Set<String>> calls, Deque<String> path, Set<String> onPath, Set<String> done) {
        if (onPath.contains(at)) {
            return at;
        }
        if (!done.add(at)) {
            return null;
        }
        onPath.add(at);
        path.push(at);
        for (String callee : calls.getOrDefault(at, Set.of())) {
            String cycle = findCycle(callee, calls, path, onPath, done);
            if (cycle != null) {
                return cycle;
            }
        }
        onPath.remove(at);
        path.pop();
        return null;
    }

    private boolean own(String internalName) {
        return classes.containsKey(internalName);
    }

    private void violate(ClassNode node, MethodNode method, Kind kind, String subject) {
        String ruleOfThisMethod = method == null ? null : ruleOfMethod.get(node.name + "." + method.name);
        Set<String> rules =
                ruleOfThisMethod != null ? Set.of(ruleOfThisMethod) : rulesOfClass.getOrDefault(node.name, Set.of());
        Violation violation =
                new Violation(node.name.replace('/', '.'), method == null ? null : method.name, kind, subject, rules);
        if (!violations.contains(violation)) {
            violations.add(violation);
        }
    }

    private static String readable(String internalName) {
        return internalName.replace('/', '.').replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
    }
}

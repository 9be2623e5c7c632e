// Prints each method of each Java source file given with the calls it makes to methods of its own class
// (unqualified calls), in the order they run: arguments before the call. Uses the JDK's own parser.
import com.sun.source.tree.*;
import com.sun.source.util.*;
import javax.tools.*;

public class JavaCalls {
	public static void main(String[] args) throws Exception {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null);
		JavacTask task = (JavacTask) compiler.getTask(null, files, null, null, null, files.getJavaFileObjects(args));
		for (CompilationUnitTree unit : task.parse()) {
			System.out.println("=== " + unit.getSourceFile().getName());
			new TreeScanner<Void, Void>() {
				StringBuilder line;

				@Override
				public Void visitMethod(MethodTree method, Void p) {
					line = new StringBuilder(method.getName() + ":");
					super.visitMethod(method, p);
					System.out.println(line);
					return null;
				}

				@Override
				public Void visitMethodInvocation(MethodInvocationTree call, Void p) {
					super.visitMethodInvocation(call, p);
					if (call.getMethodSelect() instanceof IdentifierTree) line.append(' ').append(((IdentifierTree) call.getMethodSelect()).getName());
					return null;
				}
			}.scan(unit, null);
		}
	}
}

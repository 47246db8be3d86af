package dev.assay.policy.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/** A set of functions Assay adds to CEL: what the type checker is told, and what the runtime calls. */
interface CelLibrary {
    List<CelFunctionDecl> declarations();

    List<CelFunctionBinding> bindings();
}

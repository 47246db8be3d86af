package dev.assay.policy.cel;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.List;

/**
 * Kubernetes' CEL quantity library ({@code k8s.io/apiserver/pkg/cel/library/quantity.go}) with the same
 * function names, overloads and error texts: {@code quantity("500m").isLessThan(quantity("1"))}.
 */
final class QuantityLibrary implements CelLibrary {
    static final OpaqueType TYPE = OpaqueType.create("kubernetes.Quantity");

    @Override
    public List<CelFunctionDecl> declarations() {
        return List.of(
                function("quantity", CelOverloadDecl.newGlobalOverload("string_to_quantity", TYPE, SimpleType.STRING)),
                function(
                        "isQuantity",
                        CelOverloadDecl.newGlobalOverload("is_quantity_string", SimpleType.BOOL, SimpleType.STRING)),
                function("sign", CelOverloadDecl.newMemberOverload("quantity_sign", SimpleType.INT, TYPE)),
                function("isInteger", CelOverloadDecl.newMemberOverload("quantity_is_integer", SimpleType.BOOL, TYPE)),
                function("asInteger", CelOverloadDecl.newMemberOverload("quantity_get_integer", SimpleType.INT, TYPE)),
                function(
                        "asApproximateFloat",
                        CelOverloadDecl.newMemberOverload("quantity_get_float", SimpleType.DOUBLE, TYPE)),
                function(
                        "add",
                        CelOverloadDecl.newMemberOverload("quantity_add", TYPE, TYPE, TYPE),
                        CelOverloadDecl.newMemberOverload("quantity_add_int", TYPE, TYPE, SimpleType.INT)),
                function(
                        "sub",
                        CelOverloadDecl.newMemberOverload("quantity_sub", TYPE, TYPE, TYPE),
                        CelOverloadDecl.newMemberOverload("quantity_sub_int", TYPE, TYPE, SimpleType.INT)),
                function(
                        "isGreaterThan",
                        CelOverloadDecl.newMemberOverload("quantity_is_greater_than", SimpleType.BOOL, TYPE, TYPE)),
                function(
                        "isLessThan",
                        CelOverloadDecl.newMemberOverload("quantity_less_than", SimpleType.BOOL, TYPE, TYPE)),
                function(
                        "compareTo",
                        CelOverloadDecl.newMemberOverload("quantity_compare_to", SimpleType.INT, TYPE, TYPE)));
    }

    private static CelFunctionDecl function(String name, CelOverloadDecl... overloads) {
        return CelFunctionDecl.newFunctionDeclaration(name, overloads);
    }

    @Override
    public List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("string_to_quantity", String.class, Quantity::parse),
                CelFunctionBinding.from("is_quantity_string", String.class, Quantity::isQuantity),
                CelFunctionBinding.from("quantity_sign", Quantity.class, quantity -> (long) quantity.sign()),
                CelFunctionBinding.from("quantity_is_integer", Quantity.class, Quantity::isInteger),
                CelFunctionBinding.from("quantity_get_integer", Quantity.class, Quantity::asInteger),
                CelFunctionBinding.from("quantity_get_float", Quantity.class, Quantity::asApproximateFloat),
                CelFunctionBinding.from("quantity_add", Quantity.class, Quantity.class, Quantity::add),
                CelFunctionBinding.from(
                        "quantity_add_int", Quantity.class, Long.class, (left, right) -> left.add(Quantity.of(right))),
                CelFunctionBinding.from("quantity_sub", Quantity.class, Quantity.class, Quantity::sub),
                CelFunctionBinding.from(
                        "quantity_sub_int", Quantity.class, Long.class, (left, right) -> left.sub(Quantity.of(right))),
                CelFunctionBinding.from(
                        "quantity_is_greater_than",
                        Quantity.class,
                        Quantity.class,
                        (left, right) -> left.compareTo(right) > 0),
                CelFunctionBinding.from(
                        "quantity_less_than",
                        Quantity.class,
                        Quantity.class,
                        (left, right) -> left.compareTo(right) < 0),
                CelFunctionBinding.from("quantity_compare_to", Quantity.class, Quantity.class, (left, right) ->
                        (long) Integer.signum(left.compareTo(right))));
    }
}

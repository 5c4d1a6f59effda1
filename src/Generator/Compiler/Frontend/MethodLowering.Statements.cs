using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

internal sealed partial class MethodLowering
{
    /// <summary>Blocks that break and continue labels (of loops and switches) jump to.</summary>
    private readonly Dictionary<ILabelSymbol, IrBlock> _labels = new(SymbolEqualityComparer.Default);

    /// <summary>Case labels (goto case, goto default targets): a backward jump to one is not a loop by itself.</summary>
    private readonly HashSet<ILabelSymbol> _caseLabels = new(SymbolEqualityComparer.Default);

    private void LowerStatement(IOperation statement)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (statement)
        {
            case IBlockOperation block:
                foreach (var s in block.Operations)
                    LowerStatement(s);
                break;
            case IExpressionStatementOperation expression:
                MarkLine(statement.Syntax);
                LowerEffect(expression.Operation);
                break;
            case IVariableDeclarationGroupOperation group:
                MarkLine(statement.Syntax);
                foreach (var declaration in group.Declarations)
                    foreach (var declarator in declaration.Declarators)
                        LowerDeclarator(declarator, declaration.Initializer);
                break;
            case IReturnOperation ret:
                MarkLine(statement.Syntax);
                if (ret.ReturnedValue is null)
                    EmitReturn(Operand.C(0));
                else if (ReturnsStruct(CurrentMethod))
                    LowerStructReturn(ret.ReturnedValue);
                else
                    EmitReturn(Convert(LowerExpression(ret.ReturnedValue), ReturnType(), ret.ReturnedValue).Operand);
                break;
            case IConditionalOperation ifStatement:
                LowerIf(ifStatement);
                break;
            case IWhileLoopOperation or IForLoopOperation:
                LowerLoop((ILoopOperation)statement);
                break;
            case IForEachLoopOperation forEach:
                LowerForEach(forEach);
                break;
            case ISwitchOperation switchStatement:
                LowerSwitch(switchStatement);
                break;
            case ILabeledOperation labeled:
                StartBlock(LabelBlock(labeled.Label));
                if (labeled.Operation is not null) LowerStatement(labeled.Operation);
                break;
            case IBranchOperation { BranchKind: BranchKind.GoTo } jump:
            {
                MarkLine(statement.Syntax);
                var label = LabelBlock(jump.Target);
                // A backward goto is a loop the compiler cannot bound; the verifier would reject it at load time.
                // Between switch sections only a cycle is a loop, which LowerSwitch reports.
                if (Function.Blocks.Contains(label) && !_caseLabels.Contains(jump.Target))
                    Report(Diagnostics.DiagnosticDescriptors.UnboundedLoop, statement, "a backward goto forms a loop without a provable bound");
                EmitJump(label);
                break;
            }
            case IBranchOperation branch when branch.BranchKind is BranchKind.Break or BranchKind.Continue:
                MarkLine(statement.Syntax);
                if (_labels.TryGetValue(branch.Target, out var target))
                    EmitJump(target);
                else
                    Unsupported(statement, "this jump target is not supported");
                break;
            case IEmptyOperation:
                break;
            default:
                Unsupported(statement, $"the statement kind '{statement.Kind}' is not supported");
                break;
        }
    }

    private IrBlock LabelBlock(ILabelSymbol label)
    {
        if (!_labels.TryGetValue(label, out var block))
            _labels[label] = block = NewBlock();
        return block;
    }

    /// <summary>Lowers an expression evaluated only for its side effects.</summary>
    private void LowerEffect(IOperation operation) => LowerExpression(operation, resultUsed: false);

    private void LowerDeclarator(IVariableDeclaratorOperation declarator, IVariableInitializerOperation? sharedInitializer)
    {
        var symbol = declarator.Symbol;
        var initializer = declarator.Initializer ?? sharedInitializer;
        if (symbol.IsRef)
        {
            LowerRefLocal(declarator, initializer);
            return;
        }

        var type = IntType.From(symbol.Type);
        if (type is null)
        {
            LowerAggregateLocal(declarator, initializer);
            return;
        }

        var local = NeedsSlot(symbol) ? Local.InSlot(Function.NewSlot(type.Value.Bits / 8, type.Value.Bits / 8, VariableOrigin(symbol)), type.Value)
            : Local.InRegister(Function.NewReg(), type.Value);
        _locals[symbol] = local;
        if (initializer is not null)
            WriteLocal(local, Convert(LowerExpression(initializer.Value), type.Value, initializer));
    }

    private void LowerIf(IConditionalOperation ifStatement)
    {
        MarkLine(ifStatement.Condition.Syntax);
        var then = NewBlock();
        var join = NewBlock();
        var otherwise = ifStatement.WhenFalse is null ? join : NewBlock();
        LowerCondition(ifStatement.Condition, then, otherwise);
        Enter(then);
        LowerStatement(ifStatement.WhenTrue);
        if (ifStatement.WhenFalse is not null)
        {
            if (_current.Terminator is null) EmitJump(join);
            Enter(otherwise);
            LowerStatement(ifStatement.WhenFalse);
        }
        StartBlock(join);
    }

    private void LowerLoop(ILoopOperation loop)
    {
        // The verifier twins need the unbounded loop in the object to prove the kernel refuses it too.
        if (!LoopBounds.IsProvablyBounded(loop, out string why) && !Analysis.ProgramAnalyzer.IsDisabled(_method.ContainingType))
            Report(Diagnostics.DiagnosticDescriptors.UnboundedLoop, loop, why);
        if (loop is IForLoopOperation forLoop && LoopUnrolling.Plan(forLoop) is { } plan)
        {
            LowerUnrolled(forLoop, plan.Counter, plan.Values);
            return;
        }

        var header = NewBlock();
        var body = NewBlock();
        var bottom = NewBlock();
        var exit = NewBlock();
        _labels[loop.ContinueLabel] = bottom;
        _labels[loop.ExitLabel] = exit;

        IOperation? condition = null;
        bool conditionFirst = true, until = false;
        IEnumerable<IOperation> atBottom = System.Array.Empty<IOperation>();
        switch (loop)
        {
            case IForLoopOperation f:
                foreach (var s in f.Before) LowerStatement(s);
                condition = f.Condition;
                atBottom = f.AtLoopBottom;
                break;
            case IWhileLoopOperation w:
                condition = w.Condition;
                conditionFirst = w.ConditionIsTop;
                until = w.ConditionIsUntil;
                break;
        }

        StartBlock(conditionFirst ? header : body);
        if (conditionFirst)
        {
            MarkLine(condition?.Syntax ?? loop.Syntax);
            Test(condition, until, body, exit);
            Enter(body);
        }

        LowerStatement(loop.Body);
        StartBlock(bottom);
        foreach (var s in atBottom)
        {
            MarkLine(s.Syntax);
            LowerEffect(s is IExpressionStatementOperation e ? e.Operation : s);
        }

        if (conditionFirst)
        {
            EmitJump(header);
        }
        else
        {
            MarkLine(condition?.Syntax ?? loop.Syntax);
            Test(condition, until, body, exit);
        }

        Enter(exit);

        void Test(IOperation? c, bool negate, IrBlock whenTrue, IrBlock whenFalse)
        {
            if (c is null) EmitJump(whenTrue);
            else if (negate) LowerCondition(c, whenFalse, whenTrue);
            else LowerCondition(c, whenTrue, whenFalse);
        }
    }

    /// <summary>One copy of the body per iteration, the counter a constant in each; continue goes to the next copy.</summary>
    private void LowerUnrolled(IForLoopOperation loop, ILocalSymbol counter, List<long> values)
    {
        foreach (var s in loop.Before) LowerStatement(s);
        var exit = NewBlock();
        _labels[loop.ExitLabel] = exit;
        var local = _locals[counter];
        foreach (long value in values)
        {
            var next = NewBlock();
            _labels[loop.ContinueLabel] = next;
            WriteLocal(local, Value.Const(value, local.Type));
            LowerStatement(loop.Body);
            StartBlock(next);
        }
        StartBlock(exit);
    }

    private void LowerSwitch(ISwitchOperation switchStatement)
    {
        MarkLine(switchStatement.Value.Syntax);
        var value = Snapshot(LowerExpression(switchStatement.Value));
        var exit = NewBlock();
        _labels[switchStatement.ExitLabel] = exit;
        var bodies = new IrBlock[switchStatement.Cases.Length];
        for (int i = 0; i < bodies.Length; i++)
            bodies[i] = NewBlock();
        var sections = SwitchGotos.SectionsByLabel(switchStatement);
        foreach (var pair in sections)
        {
            _labels[pair.Key] = bodies[pair.Value];
            _caseLabels.Add(pair.Key);
        }
        if (SwitchGotos.FindCycle(switchStatement, sections) is { } cycle)
            Report(Diagnostics.DiagnosticDescriptors.UnboundedLoop, cycle, "goto case jumps between these switch sections form a loop without a provable bound");
        IrBlock? defaultBody = null;
        for (int i = 0; i < bodies.Length; i++)
        {
            foreach (var clause in switchStatement.Cases[i].Clauses)
            {
                if (clause is IDefaultCaseClauseOperation)
                {
                    defaultBody = bodies[i];
                    continue;
                }

                var next = NewBlock();
                switch (clause)
                {
                    case ISingleValueCaseClauseOperation single:
                        EmitCompare(BinaryOperatorKind.Equals, value, LowerExpression(single.Value), bodies[i], next, clause);
                        break;
                    case IRelationalCaseClauseOperation relational:
                        EmitCompare(relational.Relation, value, LowerExpression(relational.Value), bodies[i], next, clause);
                        break;
                    case IPatternCaseClauseOperation patternClause when patternClause.Guard is null:
                        LowerPattern(patternClause.Pattern, value, bodies[i], next);
                        break;
                    case IPatternCaseClauseOperation patternClause:
                    {
                        var guard = NewBlock();
                        LowerPattern(patternClause.Pattern, value, guard, next);
                        Enter(guard);
                        LowerCondition(patternClause.Guard!, bodies[i], next);
                        break;
                    }
                    default:
                        Unsupported(clause, $"the case kind '{clause.CaseKind}' is not supported");
                        EmitJump(next);
                        break;
                }
                Enter(next);
            }
        }

        EmitJump(defaultBody ?? exit);
        for (int i = 0; i < bodies.Length; i++)
        {
            Enter(bodies[i]);
            foreach (var s in switchStatement.Cases[i].Body)
                LowerStatement(s);
            if (_current.Terminator is null)
                EmitJump(exit); // C# forbids falling through; only an empty last section gets here
        }
        Enter(exit);
    }

    private Value LowerSwitchExpression(ISwitchExpressionOperation switchExpression)
    {
        var type = IntType.From(switchExpression.Type);
        if (type is null)
            return Unsupported(switchExpression, "only switch expressions of integer type are supported");
        var value = Snapshot(LowerExpression(switchExpression.Value));
        int result = Function.NewReg();
        var join = NewBlock();
        foreach (var arm in switchExpression.Arms)
        {
            var body = NewBlock();
            var next = NewBlock();
            if (arm.Guard is not { } armGuard)
            {
                LowerPattern(arm.Pattern, value, body, next);
            }
            else
            {
                var guard = NewBlock();
                LowerPattern(arm.Pattern, value, guard, next);
                Enter(guard);
                LowerCondition(armGuard, body, next);
            }
            Enter(body);
            var armValue = Convert(LowerExpression(arm.Value), type.Value, arm);
            Emit(new IrInst(IrOp.Mov) { Dst = result, A = armValue.Operand, Width = Width.W64 });
            EmitJump(join);
            Enter(next);
        }

        // No arm matched: the CLR throws SwitchExpressionException; eBPF cannot, so the result is the default.
        Emit(new IrInst(IrOp.Mov) { Dst = result, A = Operand.C(0), Width = Width.W64 });
        StartBlock(join);
        return new Value(Operand.R(result), type.Value);
    }
}

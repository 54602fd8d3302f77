"""The makers of records' `__init__`s, one per shape: written by
`python -m resultkontrakt.records` (records.py says why); do not edit.
"""


# amount,unit
def make_0(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, amount, unit):
        _set_0(self, amount)
        _set_1(self, unit)
        if _post_init is not None:
            _post_init(self)

    return __init__


# amount,unit,*span
def make_1(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, amount, unit, *, span):
        _set_0(self, amount)
        _set_1(self, unit)
        _set_2(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# base,root,max_bytes=
def make_2(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, base, root, max_bytes=_default_2):
        _set_0(self, base)
        _set_1(self, root)
        _set_2(self, max_bytes)
        if _post_init is not None:
            _post_init(self)

    return __init__


# blocked,waiting,unknown,unknown_blocked,unknown_waiting
def make_3(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, blocked, waiting, unknown, unknown_blocked, unknown_waiting):
        _set_0(self, blocked)
        _set_1(self, waiting)
        _set_2(self, unknown)
        _set_3(self, unknown_blocked)
        _set_4(self, unknown_waiting)
        if _post_init is not None:
            _post_init(self)

    return __init__


# bom,newline
def make_4(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, bom, newline):
        _set_0(self, bom)
        _set_1(self, newline)
        if _post_init is not None:
            _post_init(self)

    return __init__


# chain,index
def make_5(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, chain, index):
        _set_0(self, chain)
        _set_1(self, index)
        if _post_init is not None:
            _post_init(self)

    return __init__


# check,reason
def make_6(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, check, reason):
        _set_0(self, check)
        _set_1(self, reason)
        if _post_init is not None:
            _post_init(self)

    return __init__


# code,expr,params=(),metric=
def make_7(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, code, expr, params=_NOTHING, metric=_default_3):
        _set_0(self, code)
        _set_1(self, expr)
        _set_2(self, _default_2() if params is _NOTHING else params)
        _set_3(self, metric)
        if _post_init is not None:
            _post_init(self)

    return __init__


# code,params=
def make_8(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, code, params=_default_1):
        _set_0(self, code)
        _set_1(self, params)
        if _post_init is not None:
            _post_init(self)

    return __init__


# columns,rows,series=,group=
def make_9(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, columns, rows, series=_default_2, group=_default_3):
        _set_0(self, columns)
        _set_1(self, rows)
        _set_2(self, series)
        _set_3(self, group)
        if _post_init is not None:
            _post_init(self)

    return __init__


# condition,fulfilment,shorthand=,*span
def make_10(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, condition, fulfilment, shorthand=_default_2, *, span):
        _set_0(self, condition)
        _set_1(self, fulfilment)
        _set_2(self, shorthand)
        _set_3(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# condition,reason,*span
def make_11(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, condition, reason, *, span):
        _set_0(self, condition)
        _set_1(self, reason)
        _set_2(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# condition,then,otherwise,*span
def make_12(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, condition, then, otherwise, *, span):
        _set_0(self, condition)
        _set_1(self, then)
        _set_2(self, otherwise)
        _set_3(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# contract,name,failures,span=
def make_13(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, contract, name, failures, span=_default_3):
        _set_0(self, contract)
        _set_1(self, name)
        _set_2(self, failures)
        _set_3(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# counted,of
def make_14(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, counted, of):
        _set_0(self, counted)
        _set_1(self, of)
        if _post_init is not None:
            _post_init(self)

    return __init__


# direction,by,beyond,fulfilment,answers=,to=,by_answers=
def make_15(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _post_init):
    def __init__(self, direction, by, beyond, fulfilment, answers=_default_4, to=_default_5, by_answers=_default_6):
        _set_0(self, direction)
        _set_1(self, by)
        _set_2(self, beyond)
        _set_3(self, fulfilment)
        _set_4(self, answers)
        _set_5(self, to)
        _set_6(self, by_answers)
        if _post_init is not None:
            _post_init(self)

    return __init__


# evaluation,splits,wording,failed_splits=,unsplit=
def make_16(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, evaluation, splits, wording, failed_splits=_default_3, unsplit=_default_4):
        _set_0(self, evaluation)
        _set_1(self, splits)
        _set_2(self, wording)
        _set_3(self, failed_splits)
        _set_4(self, unsplit)
        if _post_init is not None:
            _post_init(self)

    return __init__


# expr,value,type,inputs=,counts=,branch=
def make_17(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _post_init):
    def __init__(self, expr, value, type, inputs=_default_3, counts=_default_4, branch=_default_5):
        _set_0(self, expr)
        _set_1(self, value)
        _set_2(self, type)
        _set_3(self, inputs)
        _set_4(self, counts)
        _set_5(self, branch)
        if _post_init is not None:
            _post_init(self)

    return __init__


# facts,metrics,deliverables,types,needs,problems,payments=(),goal_order=,payment_order=,cache=()
def make_18(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _set_8, _default_8, _set_9, _default_9, _post_init):
    def __init__(self, facts, metrics, deliverables, types, needs, problems, payments=_NOTHING, goal_order=_default_7, payment_order=_default_8, cache=_NOTHING):
        _set_0(self, facts)
        _set_1(self, metrics)
        _set_2(self, deliverables)
        _set_3(self, types)
        _set_4(self, needs)
        _set_5(self, problems)
        _set_6(self, _default_6() if payments is _NOTHING else payments)
        _set_7(self, goal_order)
        _set_8(self, payment_order)
        _set_9(self, _default_9() if cache is _NOTHING else cache)
        if _post_init is not None:
            _post_init(self)

    return __init__


# first,steps,*span
def make_19(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, first, steps, *, span):
        _set_0(self, first)
        _set_1(self, steps)
        _set_2(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# function,args,*span
def make_20(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, function, args, *, span):
        _set_0(self, function)
        _set_1(self, args)
        _set_2(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# function,var,source,where,*span
def make_21(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, function, var, source, where, *, span):
        _set_0(self, function)
        _set_1(self, var)
        _set_2(self, source)
        _set_3(self, where)
        _set_4(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# given,source=,positions=(),text=,key_positions=(),data_dir=,max_bytes=,reads=()
def make_22(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _post_init):
    def __init__(self, given, source=_default_1, positions=_NOTHING, text=_default_3, key_positions=_NOTHING, data_dir=_default_5, max_bytes=_default_6, reads=_NOTHING):
        _set_0(self, given)
        _set_1(self, source)
        _set_2(self, _default_2() if positions is _NOTHING else positions)
        _set_3(self, text)
        _set_4(self, _default_4() if key_positions is _NOTHING else key_positions)
        _set_5(self, data_dir)
        _set_6(self, max_bytes)
        _set_7(self, _default_7() if reads is _NOTHING else reads)
        if _post_init is not None:
            _post_init(self)

    return __init__


# header,facts,metrics,goals,splits=,examples=,payments=,source=,items=
def make_23(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _set_8, _default_8, _post_init):
    def __init__(self, header, facts, metrics, goals, splits=_default_4, examples=_default_5, payments=_default_6, source=_default_7, items=_default_8):
        _set_0(self, header)
        _set_1(self, facts)
        _set_2(self, metrics)
        _set_3(self, goals)
        _set_4(self, splits)
        _set_5(self, examples)
        _set_6(self, payments)
        _set_7(self, source)
        _set_8(self, items)
        if _post_init is not None:
            _post_init(self)

    return __init__


# id,cells
def make_24(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, id, cells):
        _set_0(self, id)
        _set_1(self, cells)
        if _post_init is not None:
            _post_init(self)

    return __init__


# id,title,fulfilment,group=,weight=,steps=,blocked=,text=,waiting=,reach=
def make_25(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _set_8, _default_8, _set_9, _default_9, _post_init):
    def __init__(self, id, title, fulfilment, group=_default_3, weight=_default_4, steps=_default_5, blocked=_default_6, text=_default_7, waiting=_default_8, reach=_default_9):
        _set_0(self, id)
        _set_1(self, title)
        _set_2(self, fulfilment)
        _set_3(self, group)
        _set_4(self, weight)
        _set_5(self, steps)
        _set_6(self, blocked)
        _set_7(self, text)
        _set_8(self, waiting)
        _set_9(self, reach)
        if _post_init is not None:
            _post_init(self)

    return __init__


# id,title,group=,weight=,text=,deliverables=,requirements=,tiers=,*span,item_spans=
def make_26(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _set_8, _default_8, _set_9, _default_9, _post_init):
    def __init__(self, id, title, group=_default_2, weight=_default_3, text=_default_4, deliverables=_default_5, requirements=_default_6, tiers=_default_7, item_spans=_default_9, *, span):
        _set_0(self, id)
        _set_1(self, title)
        _set_2(self, group)
        _set_3(self, weight)
        _set_4(self, text)
        _set_5(self, deliverables)
        _set_6(self, requirements)
        _set_7(self, tiers)
        _set_8(self, span)
        _set_9(self, item_spans)
        if _post_init is not None:
            _post_init(self)

    return __init__


# index,check,fulfilment,span=
def make_27(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, index, check, fulfilment, span=_default_3):
        _set_0(self, index)
        _set_1(self, check)
        _set_2(self, fulfilment)
        _set_3(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# index,tier,check,fulfilment
def make_28(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, index, tier, check, fulfilment):
        _set_0(self, index)
        _set_1(self, tier)
        _set_2(self, check)
        _set_3(self, fulfilment)
        if _post_init is not None:
            _post_init(self)

    return __init__


# item,collection,negated,holds
def make_29(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, item, collection, negated, holds):
        _set_0(self, item)
        _set_1(self, collection)
        _set_2(self, negated)
        _set_3(self, holds)
        if _post_init is not None:
            _post_init(self)

    return __init__


# item,collection,negated=,*span
def make_30(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, item, collection, negated=_default_2, *, span):
        _set_0(self, item)
        _set_1(self, collection)
        _set_2(self, negated)
        _set_3(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# items,*span
def make_31(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, items, *, span):
        _set_0(self, items)
        _set_1(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# items,between=
def make_32(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, items, between=_default_1):
        _set_0(self, items)
        _set_1(self, between)
        if _post_init is not None:
            _post_init(self)

    return __init__


# items,more=
def make_33(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, items, more=_default_1):
        _set_0(self, items)
        _set_1(self, more)
        if _post_init is not None:
            _post_init(self)

    return __init__


# key
def make_34(_NOTHING, _set_0, _default_0, _post_init):
    def __init__(self, key):
        _set_0(self, key)
        if _post_init is not None:
            _post_init(self)

    return __init__


# key,params=
def make_35(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, key, params=_default_1):
        _set_0(self, key)
        _set_1(self, params)
        if _post_init is not None:
            _post_init(self)

    return __init__


# kind,element=,integer=,optional=,choices=
def make_36(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, kind, element=_default_1, integer=_default_2, optional=_default_3, choices=_default_4):
        _set_0(self, kind)
        _set_1(self, element)
        _set_2(self, integer)
        _set_3(self, optional)
        _set_4(self, choices)
        if _post_init is not None:
            _post_init(self)

    return __init__


# kind,name,detail,span,name_span,children=
def make_37(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _post_init):
    def __init__(self, kind, name, detail, span, name_span, children=_default_5):
        _set_0(self, kind)
        _set_1(self, name)
        _set_2(self, detail)
        _set_3(self, span)
        _set_4(self, name_span)
        _set_5(self, children)
        if _post_init is not None:
            _post_init(self)

    return __init__


# kind,name,due=
def make_38(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, kind, name, due=_default_2):
        _set_0(self, kind)
        _set_1(self, name)
        _set_2(self, due)
        if _post_init is not None:
            _post_init(self)

    return __init__


# kind,name,span,name_span,node
def make_39(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, kind, name, span, name_span, node):
        _set_0(self, kind)
        _set_1(self, name)
        _set_2(self, span)
        _set_3(self, name_span)
        _set_4(self, node)
        if _post_init is not None:
            _post_init(self)

    return __init__


# kind,text=
def make_40(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, kind, text=_default_1):
        _set_0(self, kind)
        _set_1(self, text)
        if _post_init is not None:
            _post_init(self)

    return __init__


# kind,value,goal=,split=,party=,payment=,*span
def make_41(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _post_init):
    def __init__(self, kind, value, goal=_default_2, split=_default_3, party=_default_4, payment=_default_5, *, span):
        _set_0(self, kind)
        _set_1(self, value)
        _set_2(self, goal)
        _set_3(self, split)
        _set_4(self, party)
        _set_5(self, payment)
        _set_6(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# kind,value,span
def make_42(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, kind, value, span):
        _set_0(self, kind)
        _set_1(self, value)
        _set_2(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# kroner,unit
def make_43(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, kroner, unit):
        _set_0(self, kroner)
        _set_1(self, unit)
        if _post_init is not None:
            _post_init(self)

    return __init__


# label,contract,period,evaluation,problem=
def make_44(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, label, contract, period, evaluation, problem=_default_4):
        _set_0(self, label)
        _set_1(self, contract)
        _set_2(self, period)
        _set_3(self, evaluation)
        _set_4(self, problem)
        if _post_init is not None:
            _post_init(self)

    return __init__


# label,kind,detail=,text=,replace=,first=
def make_45(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _post_init):
    def __init__(self, label, kind, detail=_default_2, text=_default_3, replace=_default_4, first=_default_5):
        _set_0(self, label)
        _set_1(self, kind)
        _set_2(self, detail)
        _set_3(self, text)
        _set_4(self, replace)
        _set_5(self, first)
        if _post_init is not None:
            _post_init(self)

    return __init__


# lang,decimal,group,percent_space,money_units,words
def make_46(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _post_init):
    def __init__(self, lang, decimal, group, percent_space, money_units, words):
        _set_0(self, lang)
        _set_1(self, decimal)
        _set_2(self, group)
        _set_3(self, percent_space)
        _set_4(self, money_units)
        _set_5(self, words)
        if _post_init is not None:
            _post_init(self)

    return __init__


# left,op,right,holds
def make_47(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, left, op, right, holds):
        _set_0(self, left)
        _set_1(self, op)
        _set_2(self, right)
        _set_3(self, holds)
        if _post_init is not None:
            _post_init(self)

    return __init__


# left,where,span
def make_48(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, left, where, span):
        _set_0(self, left)
        _set_1(self, where)
        _set_2(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# line,text,trailing,blank_after=
def make_49(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, line, text, trailing, blank_after=_default_3):
        _set_0(self, line)
        _set_1(self, text)
        _set_2(self, trailing)
        _set_3(self, blank_after)
        if _post_init is not None:
            _post_init(self)

    return __init__


# low,high,*span
def make_50(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, low, high, *, span):
        _set_0(self, low)
        _set_1(self, high)
        _set_2(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# low,low_closed,high,high_closed
def make_51(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, low, low_closed, high, high_closed):
        _set_0(self, low)
        _set_1(self, low_closed)
        _set_2(self, high)
        _set_3(self, high_closed)
        if _post_init is not None:
            _post_init(self)

    return __init__


# missing=,invalid=,requirement=,failure=,deliverables=
def make_52(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, missing=_default_0, invalid=_default_1, requirement=_default_2, failure=_default_3, deliverables=_default_4):
        _set_0(self, missing)
        _set_1(self, invalid)
        _set_2(self, requirement)
        _set_3(self, failure)
        _set_4(self, deliverables)
        if _post_init is not None:
            _post_init(self)

    return __init__


# module,analysis,source=,text=
def make_53(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, module, analysis, source=_default_2, text=_default_3):
        _set_0(self, module)
        _set_1(self, analysis)
        _set_2(self, source)
        _set_3(self, text)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,*span
def make_54(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, name, *, span):
        _set_0(self, name)
        _set_1(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,allocation,total,problems=
def make_55(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, name, allocation, total, problems=_default_3):
        _set_0(self, name)
        _set_1(self, allocation)
        _set_2(self, total)
        _set_3(self, problems)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,expr,description=,*span
def make_56(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, name, expr, description=_default_2, *, span):
        _set_0(self, name)
        _set_1(self, expr)
        _set_2(self, description)
        _set_3(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,givens,expectations,as_of=,*span
def make_57(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, name, givens, expectations, as_of=_default_3, *, span):
        _set_0(self, name)
        _set_1(self, givens)
        _set_2(self, expectations)
        _set_3(self, as_of)
        _set_4(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,over_list=,over_values=,over=,over_tally=,apply=,words=(),result=
def make_58(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _post_init):
    def __init__(self, name, over_list=_default_1, over_values=_default_2, over=_default_3, over_tally=_default_4, apply=_default_5, words=_NOTHING, result=_default_7):
        _set_0(self, name)
        _set_1(self, over_list)
        _set_2(self, over_values)
        _set_3(self, over)
        _set_4(self, over_tally)
        _set_5(self, apply)
        _set_6(self, _default_6() if words is _NOTHING else words)
        _set_7(self, result)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,span
def make_59(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, name, span):
        _set_0(self, name)
        _set_1(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,title,amount,seen=,blocked=,waiting=
def make_60(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _post_init):
    def __init__(self, name, title, amount, seen=_default_3, blocked=_default_4, waiting=_default_5):
        _set_0(self, name)
        _set_1(self, title)
        _set_2(self, amount)
        _set_3(self, seen)
        _set_4(self, blocked)
        _set_5(self, waiting)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,title,done,delivered=,due=,late=,pending=,missing=
def make_61(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _post_init):
    def __init__(self, name, title, done, delivered=_default_3, due=_default_4, late=_default_5, pending=_default_6, missing=_default_7):
        _set_0(self, name)
        _set_1(self, title)
        _set_2(self, done)
        _set_3(self, delivered)
        _set_4(self, due)
        _set_5(self, late)
        _set_6(self, pending)
        _set_7(self, missing)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,title,due=,goal=,*span
def make_62(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, name, title, due=_default_2, goal=_default_3, *, span):
        _set_0(self, name)
        _set_1(self, title)
        _set_2(self, due)
        _set_3(self, goal)
        _set_4(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,title,expr,*span
def make_63(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, name, title, expr, *, span):
        _set_0(self, name)
        _set_1(self, title)
        _set_2(self, expr)
        _set_3(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,total,unit,method=,installments=,key=,shares=,shares_from=,text=,parties=,*span,item_spans=
def make_64(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _set_8, _default_8, _set_9, _default_9, _set_10, _default_10, _set_11, _default_11, _post_init):
    def __init__(self, name, total, unit, method=_default_3, installments=_default_4, key=_default_5, shares=_default_6, shares_from=_default_7, text=_default_8, parties=_default_9, item_spans=_default_11, *, span):
        _set_0(self, name)
        _set_1(self, total)
        _set_2(self, unit)
        _set_3(self, method)
        _set_4(self, installments)
        _set_5(self, key)
        _set_6(self, shares)
        _set_7(self, shares_from)
        _set_8(self, text)
        _set_9(self, parties)
        _set_10(self, span)
        _set_11(self, item_spans)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,type,range=,description=,*span
def make_65(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, name, type, range=_default_2, description=_default_3, *, span):
        _set_0(self, name)
        _set_1(self, type)
        _set_2(self, range)
        _set_3(self, description)
        _set_4(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,unit,unit_size,total,installments,method,key,shares,margins=,-_by_party
def make_66(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _set_8, _default_8, _set_9, _default_9, _post_init):
    def __init__(self, name, unit, unit_size, total, installments, method, key, shares, margins=_default_8):
        _set_0(self, name)
        _set_1(self, unit)
        _set_2(self, unit_size)
        _set_3(self, total)
        _set_4(self, installments)
        _set_5(self, method)
        _set_6(self, key)
        _set_7(self, shares)
        _set_8(self, margins)
        if _post_init is not None:
            _post_init(self)

    return __init__


# name,value,*span
def make_67(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, name, value, *, span):
        _set_0(self, name)
        _set_1(self, value)
        _set_2(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# namespace,name,span,node_span
def make_68(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, namespace, name, span, node_span):
        _set_0(self, namespace)
        _set_1(self, name)
        _set_2(self, span)
        _set_3(self, node_span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# needs,requirements,tiers,reach=
def make_69(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, needs, requirements, tiers, reach=_default_3):
        _set_0(self, needs)
        _set_1(self, requirements)
        _set_2(self, tiers)
        _set_3(self, reach)
        if _post_init is not None:
            _post_init(self)

    return __init__


# op,left,right,*span
def make_70(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, op, left, right, *, span):
        _set_0(self, op)
        _set_1(self, left)
        _set_2(self, right)
        _set_3(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# op,operand,*span
def make_71(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, op, operand, *, span):
        _set_0(self, op)
        _set_1(self, operand)
        _set_2(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# op,parts,holds
def make_72(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, op, parts, holds):
        _set_0(self, op)
        _set_1(self, parts)
        _set_2(self, holds)
        if _post_init is not None:
            _post_init(self)

    return __init__


# op,right,fulfilment,span
def make_73(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, op, right, fulfilment, span):
        _set_0(self, op)
        _set_1(self, right)
        _set_2(self, fulfilment)
        _set_3(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# pairs,*span
def make_74(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, pairs, *, span):
        _set_0(self, pairs)
        _set_1(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# part,holds
def make_75(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, part, holds):
        _set_0(self, part)
        _set_1(self, holds)
        if _post_init is not None:
            _post_init(self)

    return __init__


# party,weight,*span
def make_76(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, party, weight, *, span):
        _set_0(self, party)
        _set_1(self, weight)
        _set_2(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# party,weight,amount,quota,per_installment,tie=,margin_down=,margin_up=
def make_77(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _post_init):
    def __init__(self, party, weight, amount, quota, per_installment, tie=_default_5, margin_down=_default_6, margin_up=_default_7):
        _set_0(self, party)
        _set_1(self, weight)
        _set_2(self, amount)
        _set_3(self, quota)
        _set_4(self, per_installment)
        _set_5(self, tie)
        _set_6(self, margin_down)
        _set_7(self, margin_up)
        if _post_init is not None:
            _post_init(self)

    return __init__


# path,source,columns,several,key=,max_bytes=,decimal=,kind=,sheet=
def make_78(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _set_8, _default_8, _post_init):
    def __init__(self, path, source, columns, several, key=_default_4, max_bytes=_default_5, decimal=_default_6, kind=_default_7, sheet=_default_8):
        _set_0(self, path)
        _set_1(self, source)
        _set_2(self, columns)
        _set_3(self, several)
        _set_4(self, key)
        _set_5(self, max_bytes)
        _set_6(self, decimal)
        _set_7(self, kind)
        _set_8(self, sheet)
        if _post_init is not None:
            _post_init(self)

    return __init__


# promoters,passives,detractors
def make_79(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, promoters, passives, detractors):
        _set_0(self, promoters)
        _set_1(self, passives)
        _set_2(self, detractors)
        if _post_init is not None:
            _post_init(self)

    return __init__


# seen,holds
def make_80(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, seen, holds):
        _set_0(self, seen)
        _set_1(self, holds)
        if _post_init is not None:
            _post_init(self)

    return __init__


# severity,code,span=,params=
def make_81(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, severity, code, span=_default_2, params=_default_3):
        _set_0(self, severity)
        _set_1(self, code)
        _set_2(self, span)
        _set_3(self, params)
        if _post_init is not None:
            _post_init(self)

    return __init__


# sheet,rows,unsaved=
def make_82(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, sheet, rows, unsaved=_default_2):
        _set_0(self, sheet)
        _set_1(self, rows)
        _set_2(self, unsaved)
        if _post_init is not None:
            _post_init(self)

    return __init__


# sheets=(),workbooks=(),paths=(),values=()
def make_83(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, sheets=_NOTHING, workbooks=_NOTHING, paths=_NOTHING, values=_NOTHING):
        _set_0(self, _default_0() if sheets is _NOTHING else sheets)
        _set_1(self, _default_1() if workbooks is _NOTHING else workbooks)
        _set_2(self, _default_2() if paths is _NOTHING else paths)
        _set_3(self, _default_3() if values is _NOTHING else values)
        if _post_init is not None:
            _post_init(self)

    return __init__


# source,line,column,end_line,end_column
def make_84(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, source, line, column, end_line, end_column):
        _set_0(self, source)
        _set_1(self, line)
        _set_2(self, column)
        _set_3(self, end_line)
        _set_4(self, end_column)
        if _post_init is not None:
            _post_init(self)

    return __init__


# status,fulfilment,decided=,points=,title=
def make_85(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _post_init):
    def __init__(self, status, fulfilment, decided=_default_2, points=_default_3, title=_default_4):
        _set_0(self, status)
        _set_1(self, fulfilment)
        _set_2(self, decided)
        _set_3(self, points)
        _set_4(self, title)
        if _post_init is not None:
            _post_init(self)

    return __init__


# subject,tiers,otherwise
def make_86(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, subject, tiers, otherwise):
        _set_0(self, subject)
        _set_1(self, tiers)
        _set_2(self, otherwise)
        if _post_init is not None:
            _post_init(self)

    return __init__


# text,rows,lines,row_lines,delimiter,readable
def make_87(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _post_init):
    def __init__(self, text, rows, lines, row_lines, delimiter, readable):
        _set_0(self, text)
        _set_1(self, rows)
        _set_2(self, lines)
        _set_3(self, row_lines)
        _set_4(self, delimiter)
        _set_5(self, readable)
        if _post_init is not None:
            _post_init(self)

    return __init__


# tiers,otherwise
def make_88(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, tiers, otherwise):
        _set_0(self, tiers)
        _set_1(self, otherwise)
        if _post_init is not None:
            _post_init(self)

    return __init__


# title,goals,problems=,sources=(),parties=,period=,payments=(),splits=(),as_of=,weighted=
def make_89(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _set_8, _default_8, _set_9, _default_9, _post_init):
    def __init__(self, title, goals, problems=_default_2, sources=_NOTHING, parties=_default_4, period=_default_5, payments=_NOTHING, splits=_NOTHING, as_of=_default_8, weighted=_default_9):
        _set_0(self, title)
        _set_1(self, goals)
        _set_2(self, problems)
        _set_3(self, _default_3() if sources is _NOTHING else sources)
        _set_4(self, parties)
        _set_5(self, period)
        _set_6(self, _default_6() if payments is _NOTHING else payments)
        _set_7(self, _default_7() if splits is _NOTHING else splits)
        _set_8(self, as_of)
        _set_9(self, weighted)
        if _post_init is not None:
            _post_init(self)

    return __init__


# title,parties=,period=,text=,*span,item_spans=
def make_90(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _post_init):
    def __init__(self, title, parties=_default_1, period=_default_2, text=_default_3, item_spans=_default_5, *, span):
        _set_0(self, title)
        _set_1(self, parties)
        _set_2(self, period)
        _set_3(self, text)
        _set_4(self, span)
        _set_5(self, item_spans)
        if _post_init is not None:
            _post_init(self)

    return __init__


# type,form=
def make_91(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, type, form=_default_1):
        _set_0(self, type)
        _set_1(self, form)
        if _post_init is not None:
            _post_init(self)

    return __init__


# types,goal,problems,untyped=,scope=(),goal_ids=,payments=
def make_92(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _post_init):
    def __init__(self, types, goal, problems, untyped=_default_3, scope=_NOTHING, goal_ids=_default_5, payments=_default_6):
        _set_0(self, types)
        _set_1(self, goal)
        _set_2(self, problems)
        _set_3(self, untyped)
        _set_4(self, _default_4() if scope is _NOTHING else scope)
        _set_5(self, goal_ids)
        _set_6(self, payments)
        if _post_init is not None:
            _post_init(self)

    return __init__


# units,tied=
def make_93(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, units, tied=_default_1):
        _set_0(self, units)
        _set_1(self, tied)
        if _post_init is not None:
            _post_init(self)

    return __init__


# value
def make_94(_NOTHING, _set_0, _default_0, _post_init):
    def __init__(self, value):
        _set_0(self, value)
        if _post_init is not None:
            _post_init(self)

    return __init__


# value,*span
def make_95(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, value, *, span):
        _set_0(self, value)
        _set_1(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


# value,counts
def make_96(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, value, counts):
        _set_0(self, value)
        _set_1(self, counts)
        if _post_init is not None:
            _post_init(self)

    return __init__


# value,type=
def make_97(_NOTHING, _set_0, _default_0, _set_1, _default_1, _post_init):
    def __init__(self, value, type=_default_1):
        _set_0(self, value)
        _set_1(self, type)
        if _post_init is not None:
            _post_init(self)

    return __init__


# value=,kind=,done=,of=
def make_98(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _post_init):
    def __init__(self, value=_default_0, kind=_default_1, done=_default_2, of=_default_3):
        _set_0(self, value)
        _set_1(self, kind)
        _set_2(self, done)
        _set_3(self, of)
        if _post_init is not None:
            _post_init(self)

    return __init__


# values,deliverables,invalid,problems,sources=(),given_metrics=,declared=(),tallies=()
def make_99(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _set_3, _default_3, _set_4, _default_4, _set_5, _default_5, _set_6, _default_6, _set_7, _default_7, _post_init):
    def __init__(self, values, deliverables, invalid, problems, sources=_NOTHING, given_metrics=_default_5, declared=_NOTHING, tallies=_NOTHING):
        _set_0(self, values)
        _set_1(self, deliverables)
        _set_2(self, invalid)
        _set_3(self, problems)
        _set_4(self, _default_4() if sources is _NOTHING else sources)
        _set_5(self, given_metrics)
        _set_6(self, _default_6() if declared is _NOTHING else declared)
        _set_7(self, _default_7() if tallies is _NOTHING else tallies)
        if _post_init is not None:
            _post_init(self)

    return __init__


# what,goal=,*span
def make_100(_NOTHING, _set_0, _default_0, _set_1, _default_1, _set_2, _default_2, _post_init):
    def __init__(self, what, goal=_default_1, *, span):
        _set_0(self, what)
        _set_1(self, goal)
        _set_2(self, span)
        if _post_init is not None:
            _post_init(self)

    return __init__


FORM = 2
MAKERS = {
    'amount,unit': make_0,
    'amount,unit,*span': make_1,
    'base,root,max_bytes=': make_2,
    'blocked,waiting,unknown,unknown_blocked,unknown_waiting': make_3,
    'bom,newline': make_4,
    'chain,index': make_5,
    'check,reason': make_6,
    'code,expr,params=(),metric=': make_7,
    'code,params=': make_8,
    'columns,rows,series=,group=': make_9,
    'condition,fulfilment,shorthand=,*span': make_10,
    'condition,reason,*span': make_11,
    'condition,then,otherwise,*span': make_12,
    'contract,name,failures,span=': make_13,
    'counted,of': make_14,
    'direction,by,beyond,fulfilment,answers=,to=,by_answers=': make_15,
    'evaluation,splits,wording,failed_splits=,unsplit=': make_16,
    'expr,value,type,inputs=,counts=,branch=': make_17,
    'facts,metrics,deliverables,types,needs,problems,payments=(),goal_order=,payment_order=,cache=()': make_18,
    'first,steps,*span': make_19,
    'function,args,*span': make_20,
    'function,var,source,where,*span': make_21,
    'given,source=,positions=(),text=,key_positions=(),data_dir=,max_bytes=,reads=()': make_22,
    'header,facts,metrics,goals,splits=,examples=,payments=,source=,items=': make_23,
    'id,cells': make_24,
    'id,title,fulfilment,group=,weight=,steps=,blocked=,text=,waiting=,reach=': make_25,
    'id,title,group=,weight=,text=,deliverables=,requirements=,tiers=,*span,item_spans=': make_26,
    'index,check,fulfilment,span=': make_27,
    'index,tier,check,fulfilment': make_28,
    'item,collection,negated,holds': make_29,
    'item,collection,negated=,*span': make_30,
    'items,*span': make_31,
    'items,between=': make_32,
    'items,more=': make_33,
    'key': make_34,
    'key,params=': make_35,
    'kind,element=,integer=,optional=,choices=': make_36,
    'kind,name,detail,span,name_span,children=': make_37,
    'kind,name,due=': make_38,
    'kind,name,span,name_span,node': make_39,
    'kind,text=': make_40,
    'kind,value,goal=,split=,party=,payment=,*span': make_41,
    'kind,value,span': make_42,
    'kroner,unit': make_43,
    'label,contract,period,evaluation,problem=': make_44,
    'label,kind,detail=,text=,replace=,first=': make_45,
    'lang,decimal,group,percent_space,money_units,words': make_46,
    'left,op,right,holds': make_47,
    'left,where,span': make_48,
    'line,text,trailing,blank_after=': make_49,
    'low,high,*span': make_50,
    'low,low_closed,high,high_closed': make_51,
    'missing=,invalid=,requirement=,failure=,deliverables=': make_52,
    'module,analysis,source=,text=': make_53,
    'name,*span': make_54,
    'name,allocation,total,problems=': make_55,
    'name,expr,description=,*span': make_56,
    'name,givens,expectations,as_of=,*span': make_57,
    'name,over_list=,over_values=,over=,over_tally=,apply=,words=(),result=': make_58,
    'name,span': make_59,
    'name,title,amount,seen=,blocked=,waiting=': make_60,
    'name,title,done,delivered=,due=,late=,pending=,missing=': make_61,
    'name,title,due=,goal=,*span': make_62,
    'name,title,expr,*span': make_63,
    'name,total,unit,method=,installments=,key=,shares=,shares_from=,text=,parties=,*span,item_spans=': make_64,
    'name,type,range=,description=,*span': make_65,
    'name,unit,unit_size,total,installments,method,key,shares,margins=,-_by_party': make_66,
    'name,value,*span': make_67,
    'namespace,name,span,node_span': make_68,
    'needs,requirements,tiers,reach=': make_69,
    'op,left,right,*span': make_70,
    'op,operand,*span': make_71,
    'op,parts,holds': make_72,
    'op,right,fulfilment,span': make_73,
    'pairs,*span': make_74,
    'part,holds': make_75,
    'party,weight,*span': make_76,
    'party,weight,amount,quota,per_installment,tie=,margin_down=,margin_up=': make_77,
    'path,source,columns,several,key=,max_bytes=,decimal=,kind=,sheet=': make_78,
    'promoters,passives,detractors': make_79,
    'seen,holds': make_80,
    'severity,code,span=,params=': make_81,
    'sheet,rows,unsaved=': make_82,
    'sheets=(),workbooks=(),paths=(),values=()': make_83,
    'source,line,column,end_line,end_column': make_84,
    'status,fulfilment,decided=,points=,title=': make_85,
    'subject,tiers,otherwise': make_86,
    'text,rows,lines,row_lines,delimiter,readable': make_87,
    'tiers,otherwise': make_88,
    'title,goals,problems=,sources=(),parties=,period=,payments=(),splits=(),as_of=,weighted=': make_89,
    'title,parties=,period=,text=,*span,item_spans=': make_90,
    'type,form=': make_91,
    'types,goal,problems,untyped=,scope=(),goal_ids=,payments=': make_92,
    'units,tied=': make_93,
    'value': make_94,
    'value,*span': make_95,
    'value,counts': make_96,
    'value,type=': make_97,
    'value=,kind=,done=,of=': make_98,
    'values,deliverables,invalid,problems,sources=(),given_metrics=,declared=(),tallies=()': make_99,
    'what,goal=,*span': make_100,
}

# Prints one line per record python-evtx (Debian python3-evtx) reads: EventRecordID, provider, EventID
# (or FAILED and its record number). EvtxRealWorldTest compares them with what logonrights reads.
import sys, Evtx.Evtx as E, xml.etree.ElementTree as ET
NS='{http://schemas.microsoft.com/win/2004/08/events/event}'
with E.Evtx(sys.argv[1]) as log:
    for chunk in log.chunks():
        for rec in chunk.records():
            try:
                root = ET.fromstring(rec.xml())
            except Exception as e:
                print('FAILED\t%d\t%s' % (rec.record_num(), type(e).__name__)); continue
            s = root.find(NS+'System')
            p = s.find(NS+'Provider')
            print('\t'.join([s.findtext(NS+'EventRecordID',''), p.get('Name','') if p is not None else '', s.findtext(NS+'EventID','')]))

# generated from forms/event_form.ui by compile_forms, do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'event_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QDialog,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_EventForm(object):
    def setupUi(self, eventForm):
        if not eventForm.objectName():
            eventForm.setObjectName(u"eventForm")
        eventForm.resize(620, 560)
        self.mainLayout = QVBoxLayout(eventForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.workerLabel = QLabel(eventForm)
        self.workerLabel.setObjectName(u"workerLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.workerLabel)

        self.workerLayout = QHBoxLayout()
        self.workerLayout.setObjectName(u"workerLayout")
        self.eventWorkerEdit = QLineEdit(eventForm)
        self.eventWorkerEdit.setObjectName(u"eventWorkerEdit")

        self.workerLayout.addWidget(self.eventWorkerEdit)

        self.findButton = QPushButton(eventForm)
        self.findButton.setObjectName(u"findButton")
        self.findButton.setAutoDefault(False)

        self.workerLayout.addWidget(self.findButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.workerLayout)

        self.workerCombo = QComboBox(eventForm)
        self.workerCombo.setObjectName(u"workerCombo")
        self.workerCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.workerCombo)

        self.kindLabel = QLabel(eventForm)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(eventForm)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.dateLabel = QLabel(eventForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(eventForm)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.effectLabel = QLabel(eventForm)
        self.effectLabel.setObjectName(u"effectLabel")
        self.effectLabel.setWordWrap(True)
        self.effectLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.effectLabel)

        self.heirGroup = QGroupBox(eventForm)
        self.heirGroup.setObjectName(u"heirGroup")
        self.heirLayout = QFormLayout(self.heirGroup)
        self.heirLayout.setObjectName(u"heirLayout")
        self.heirLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heirNameLabel = QLabel(self.heirGroup)
        self.heirNameLabel.setObjectName(u"heirNameLabel")

        self.heirLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.heirNameLabel)

        self.heirNameEdit = QLineEdit(self.heirGroup)
        self.heirNameEdit.setObjectName(u"heirNameEdit")
        self.heirNameEdit.setMaxLength(100)

        self.heirLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.heirNameEdit)

        self.heirRelationshipLabel = QLabel(self.heirGroup)
        self.heirRelationshipLabel.setObjectName(u"heirRelationshipLabel")

        self.heirLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.heirRelationshipLabel)

        self.heirRelationshipCombo = QComboBox(self.heirGroup)
        self.heirRelationshipCombo.setObjectName(u"heirRelationshipCombo")
        self.heirRelationshipCombo.setEditable(True)

        self.heirLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.heirRelationshipCombo)

        self.heirPhoneLabel = QLabel(self.heirGroup)
        self.heirPhoneLabel.setObjectName(u"heirPhoneLabel")

        self.heirLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.heirPhoneLabel)

        self.heirPhoneEdit = QLineEdit(self.heirGroup)
        self.heirPhoneEdit.setObjectName(u"heirPhoneEdit")
        self.heirPhoneEdit.setMaxLength(20)

        self.heirLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.heirPhoneEdit)


        self.mainLayout.addWidget(self.heirGroup)

        self.notesLabel = QLabel(eventForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.mainLayout.addWidget(self.notesLabel)

        self.notesEdit = QPlainTextEdit(eventForm)
        self.notesEdit.setObjectName(u"notesEdit")

        self.mainLayout.addWidget(self.notesEdit)

        self.errorLabel = QLabel(eventForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(eventForm)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.cancelButton)

        self.saveButton = QPushButton(eventForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.workerLabel.setBuddy(self.eventWorkerEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.heirNameLabel.setBuddy(self.heirNameEdit)
        self.heirRelationshipLabel.setBuddy(self.heirRelationshipCombo)
        self.heirPhoneLabel.setBuddy(self.heirPhoneEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.eventWorkerEdit, self.findButton)
        QWidget.setTabOrder(self.findButton, self.workerCombo)
        QWidget.setTabOrder(self.workerCombo, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.heirNameEdit)
        QWidget.setTabOrder(self.heirNameEdit, self.heirRelationshipCombo)
        QWidget.setTabOrder(self.heirRelationshipCombo, self.heirPhoneEdit)
        QWidget.setTabOrder(self.heirPhoneEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.cancelButton)

        self.retranslateUi(eventForm)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(eventForm)
    # setupUi

    def retranslateUi(self, eventForm):
        eventForm.setWindowTitle(QCoreApplication.translate("EventForm", u"Catat peristiwa peserta", None))
        self.workerLabel.setText(QCoreApplication.translate("EventForm", u"&Pekerja", None))
        self.eventWorkerEdit.setPlaceholderText(QCoreApplication.translate("EventForm", u"NIK, KPJ atau nama peserta program", None))
        self.findButton.setText(QCoreApplication.translate("EventForm", u"&Cari", None))
        self.kindLabel.setText(QCoreApplication.translate("EventForm", u"P&eristiwa", None))
        self.dateLabel.setText(QCoreApplication.translate("EventForm", u"&Tanggal", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("EventForm", u"dd-MM-yyyy", None))
        self.heirGroup.setTitle(QCoreApplication.translate("EventForm", u"Ahli waris / keluarga yang dihubungi untuk klaim", None))
        self.heirNameLabel.setText(QCoreApplication.translate("EventForm", u"&Nama", None))
        self.heirRelationshipLabel.setText(QCoreApplication.translate("EventForm", u"&Hubungan", None))
        self.heirPhoneLabel.setText(QCoreApplication.translate("EventForm", u"No. &HP", None))
        self.heirPhoneEdit.setPlaceholderText(QCoreApplication.translate("EventForm", u"0812xxxxxxxx", None))
        self.notesLabel.setText(QCoreApplication.translate("EventForm", u"C&atatan", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("EventForm", u"mis. tempat kejadian, rumah sakit, nomor berkas klaim", None))
        self.cancelButton.setText(QCoreApplication.translate("EventForm", u"&Batal", None))
        self.saveButton.setText(QCoreApplication.translate("EventForm", u"&Simpan", None))
    # retranslateUi

